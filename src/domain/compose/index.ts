export {
  clip,
  type Hook,
  pickHook,
  type WriterLead,
  type WriterProfile,
  type WrittenMessage,
  writeMessage,
} from "./writeMessage";
