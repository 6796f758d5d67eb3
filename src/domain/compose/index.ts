export { channelTouch } from "./channelTouch";
export { askSentence, offerSentence, phraseShape, proofSentence } from "./profilePhrases";
export {
  clip,
  type Hook,
  pickHook,
  type WriterChannel,
  type WriterLead,
  type WriterProfile,
  type WrittenMessage,
  writeMessage,
} from "./writeMessage";
