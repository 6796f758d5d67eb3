export { buildGenerationPrompt, type GenerationInput } from "./buildGenerationPrompt";
export { CHANNEL_LIMITS, codePoints } from "./channelLimits";
export { checkGeneratedMessage } from "./checkGeneratedMessage";
export {
  type GeneratedMessage,
  generatedMessageSchema,
  parseGeneratedMessage,
} from "./generatedMessageSchema";
