export * from "./auth";
export * from "./jobs";
export * from "./workspaces";
export * from "./leads";
export * from "./outreach";
export * from "./mailboxes";
export * from "./enrichment";
export * from "./pipeline";
