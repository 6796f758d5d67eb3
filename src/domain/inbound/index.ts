export { classifyInbound, type Classified, type ClassifyOptions, type InboundInput } from "./classifyInbound";
export {
  extractReturnDate,
  dateOrderForZone,
  type DateOrder,
  type ReturnDateHint,
} from "./extractReturnDate";
export { autoReplyByContent, autoReplyByHeaders } from "./autoReplySignals";
export { bounceSignal, type BounceSignal } from "./bounceSignals";
export { parseBounce } from "./parseBounce";
export { parseDsn } from "./parseDsn";
export { parseBounceText } from "./bounceText";
export { isHardFailure, statusFrom, type BounceRecipient, type BounceReport } from "./bounceReport";
export { parseDeliveryStatus, type DeliveryStatusFields } from "./deliveryStatus";
export { extractMessageIds, messageIdDomain, normaliseMessageId } from "./messageIds";
export {
  decodedHeaderValue,
  headerValue,
  headerValues,
  headersToRecord,
  parseHeaders,
  type HeaderField,
} from "./parseHeaders";
export { decodeEncodedWords } from "./encodedWords";
export { parseContentType, type ContentType } from "./contentType";
export { mimeParts, type MimePart } from "./mimeParts";
export { addressOf, htmlToText, readMessage, type ReadMessage } from "./readMessage";
export { headerLookup, type HeaderInput, type HeaderLookup } from "./headerLookup";
