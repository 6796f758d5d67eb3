export { classifyInbound, type ClassifyOptions } from "./classifyInbound";
export {
  extractReturnDate,
  dateOrderForZone,
  type DateOrder,
  type ReturnDateHint,
} from "./extractReturnDate";
export { autoReplyByContent, autoReplyByHeaders } from "./autoReplySignals";
export { reportSignal, type ReportSignal } from "./reportSignal";
export { readReport } from "./readReport";
export { parseBounceText } from "./bounceText";
export { classOfFailure, statusFrom, type ClassOfFailure } from "./bounceClass";
export { parseDeliveryStatus, parseFields, type DeliveryStatusFields } from "./deliveryStatus";
export { extractMessageIds, messageIdDomain, normaliseMessageId } from "./messageIds";
export { recipientAddress } from "./recipientAddress";
export { addressOf } from "./addressOf";
export { htmlToText } from "./htmlToText";
export { headerLookup, headersFromRecord, type HeaderLookup } from "./headerLookup";
export type { InboundEmail, InboundHeader, InboundPart, BounceClass } from "./inboundEmail";
export type { InboundFacts, ReportFacts, ReportRecipient } from "./inboundFacts";
