export { findSpamPhrases } from "./findSpamPhrases";
export { leadReadiness, type LeadReadinessInput } from "./leadReadiness";
export {
  senderDomainReadiness,
  trackingDomainReadiness,
  type SenderDomainReadinessInput,
} from "./senderDomainReadiness";
export { sequenceReadiness, type SequenceReadinessInput } from "./sequenceReadiness";
export type {
  EmailStatus,
  ReadinessChannel,
  ReadinessCode,
  ReadinessFinding,
  ReadinessSeverity,
} from "./readinessTypes";
