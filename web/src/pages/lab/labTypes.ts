import type { Get } from "../../api/client";

/** The Messaging Lab's answer, straight from the generated API types. */
export type Lab = Get<"/api/sequences/{id}/lab">;
export type LabLead = Lab["leads"][number];
export type LabFilter = "all" | "blocking" | "warnings" | "unapproved";

/** The lab's query key: every write of the lab refreshes every page and tab of it. */
export const labKey = (id: string) => ["/api/sequences/{id}/lab", id] as const;
