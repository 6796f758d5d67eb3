import type { JobDefinition } from "./defineJob";
import { auditLeadsJob } from "./definitions/auditLeadsJob";
import { discoveryJob } from "./definitions/discoveryJob";
import { enrichLeadsJob } from "./definitions/enrichLeadsJob";
import { generateDraftsJob } from "./definitions/generateDraftsJob";
import { importLeadsJob } from "./definitions/importLeadsJob";
import { linkedinEventJob } from "./definitions/linkedinEventJob";
import { verifyEmailsJob } from "./definitions/verifyEmailsJob";

/** Every job kind the worker runs. Issues add their definitions here. */
export const jobDefinitions: JobDefinition[] = [
  importLeadsJob as unknown as JobDefinition,
  auditLeadsJob as unknown as JobDefinition,
  verifyEmailsJob as unknown as JobDefinition,
  generateDraftsJob as unknown as JobDefinition,
  enrichLeadsJob as unknown as JobDefinition,
  linkedinEventJob as unknown as JobDefinition,
  discoveryJob as unknown as JobDefinition,
];
