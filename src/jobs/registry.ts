import type { JobDefinition } from "./defineJob";

/** Every job kind the worker runs. Issues add their definitions here. */
export const jobDefinitions: JobDefinition[] = [];
