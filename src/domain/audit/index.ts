export { auditSite } from "./auditSite";
export type { AuditFinding, AuditObservations, AuditResult, Grade, Severity } from "./auditTypes";
export { CHECK_ORDER, type AuditCode } from "./checkOrder";
export { extractPageFacts, type PageFacts } from "./extractPageFacts";
export { sampleInternalLinks } from "./sampleInternalLinks";
export { type SocialNetwork } from "./socialNetworkOf";
export { GRADE_THRESHOLDS, SEVERITY_WEIGHT, gradeFor } from "./scoreFindings";
