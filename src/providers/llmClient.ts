import type { LlmConfig } from "../config";

/** The SDKs load on the first completion (10-15 MB each), not with every server that never calls one. */
const once = <T>(make: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= make());
};

export type LlmTurn = { role: "user" | "assistant"; content: string };
export type LlmAnswer = { text: string; model: string; inputTokens: number; outputTokens: number };

/** One chat completion. Transport retries (timeouts, 429 with Retry-After, 5xx) happen inside the SDKs. */
export interface LlmClient {
  readonly provider: "openai" | "anthropic";
  readonly model: string;
  complete(req: { system: string; turns: LlmTurn[]; maxTokens: number }): Promise<LlmAnswer>;
}

function openaiClient(cfg: LlmConfig): LlmClient {
  const sdk = once(async () => {
    const { default: OpenAI } = await import("openai");
    return new OpenAI({
      apiKey: cfg.apiKey || "not-needed",
      baseURL: cfg.baseUrl ?? undefined,
      timeout: cfg.timeoutMs,
      maxRetries: cfg.maxRetries,
    });
  });
  return {
    provider: "openai",
    model: cfg.model,
    async complete({ system, turns, maxTokens }) {
      const r = await (
        await sdk()
      ).chat.completions.create({
        model: cfg.model,
        messages: [{ role: "system", content: system }, ...turns],
        // JSON mode: OpenAI, Ollama, vLLM and LM Studio all honour it; the schema is still checked here.
        response_format: { type: "json_object" },
        max_tokens: maxTokens,
        temperature: 0.7,
      });
      return {
        text: r.choices[0]?.message?.content ?? "",
        model: r.model || cfg.model,
        inputTokens: r.usage?.prompt_tokens ?? 0,
        outputTokens: r.usage?.completion_tokens ?? 0,
      };
    },
  };
}

function anthropicClient(cfg: LlmConfig): LlmClient {
  const sdk = once(async () => {
    const { default: Anthropic } = await import("@anthropic-ai/sdk");
    return new Anthropic({
      apiKey: cfg.apiKey || "not-set",
      baseURL: cfg.baseUrl ?? undefined,
      timeout: cfg.timeoutMs,
      maxRetries: cfg.maxRetries,
    });
  });
  return {
    provider: "anthropic",
    model: cfg.model,
    async complete({ system, turns, maxTokens }) {
      const r = await (
        await sdk()
      ).messages.create({
        model: cfg.model,
        system,
        messages: turns,
        max_tokens: maxTokens,
      });
      return {
        text: r.content.map((b) => (b.type === "text" ? b.text : "")).join(""),
        model: r.model || cfg.model,
        inputTokens: r.usage?.input_tokens ?? 0,
        outputTokens: r.usage?.output_tokens ?? 0,
      };
    },
  };
}

const clients = new WeakMap<LlmConfig, LlmClient>();

/** The configured LLM, or null when messages are written by the built-in writer. */
export function llmClient(cfg: LlmConfig): LlmClient | null {
  if (cfg.provider === "none") return null;
  let c = clients.get(cfg);
  if (!c) {
    c = cfg.provider === "openai" ? openaiClient(cfg) : anthropicClient(cfg);
    clients.set(cfg, c);
  }
  return c;
}
