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
