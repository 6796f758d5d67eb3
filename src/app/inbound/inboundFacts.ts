// The facts are produced by the domain classifier (domain/inbound/classifyInbound); re-exported here
// for the app's match → record → act path.
export type {
  InboundFacts,
  InboundMessageInput,
  ReportFacts,
  ReportRecipient,
} from "../../domain/inbound/inboundFacts";
