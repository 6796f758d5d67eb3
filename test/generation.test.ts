import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context";
import { generateMessage } from "../src/app/generation/generateMessage";
import { loadConfig } from "../src/config";
import type { GenerationInput } from "../src/domain/generation";
import { startLlmServer } from "./support/llmServer";

let llm: Awaited<ReturnType<typeof startLlmServer>>;
beforeAll(async () => {
  llm = await startLlmServer();
});
afterAll(() => llm.close());

const ctxFor = (env: Record<string, string>) =>
  ({
    config: loadConfig({ LOG_LEVEL: "silent", LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: llm.apiKey, ...env }),
    log: pino({ level: "silent" }),
  }) as unknown as AppContext;
const openai = (env: Record<string, string> = {}) =>
  ctxFor({ LLM_PROVIDER: "openai", LLM_MODEL: "test-model", LLM_TIMEOUT_MS: "2000", ...env });

const input = (over: Partial<GenerationInput> = {}): GenerationInput => ({
  lead: {
    firstName: "Ada",
    lastName: "Byron",
    company: "Analytical Engines",
    jobTitle: "Head of Engineering",
    recentPosts: [
      { text: "Why we moved our build to Rust", date: "2026-03-01", url: "https://example.com/p/1" },
    ],
  },
  profile: {
    senderName: "Sam",
    senderCompany: "Overture",
    offer: "cut release time in half",
    proof: "Acme ships daily now",
    tone: "friendly",
    callToAction: "Open to a short call",
  },
  channel: "email",
  stepNumber: 1,
  now: new Date("2026-03-10T09:00:00Z"),
  seed: "lead-1",
  ...over,
});
const answer = (m: object) => ({ kind: "answer" as const, content: JSON.stringify(m) });
const good = {
  subject: "Your Rust build post",
  body: "Hi Ada,\n\nYour post on moving the build to Rust was a good read. We help teams cut release time in half.\n\nOpen to a short call?\n\nSam",
  hook: { kind: "recent_post", text: "Why we moved our build to Rust", source: "https://example.com/p/1" },
};

describe("message generation through an OpenAI-compatible server", () => {
  it("uses the model's JSON answer and records the hook, tokens and cost", async () => {
    const before = llm.requests.length;
    llm.script({ kind: "answer", content: JSON.stringify(good), usage: { input: 1000, output: 200 } });
    const r = await generateMessage(
      openai({ LLM_PRICE_INPUT_PER_MTOK: "0.15", LLM_PRICE_OUTPUT_PER_MTOK: "0.6" }),
      input(),
    );
    expect(r.generator).toBe("llm");
    expect(r.model).toBe("test-model");
    expect(r.subject).toBe(good.subject);
    expect(r.body).toBe(good.body);
    expect(r.hook).toEqual(good.hook);
    // 1000 × $0.15/M + 200 × $0.60/M = $0.00027
    expect(r.usage).toEqual({ inputTokens: 1000, outputTokens: 200, costUsd: 0.00027, attempts: 1 });
    const req = llm.requests[before]!;
    expect(req.path).toBe("/v1/chat/completions");
    expect(req.headers.authorization).toBe("Bearer test-key");
    expect(req.body.model).toBe("test-model");
    expect(req.body.response_format).toEqual({ type: "json_object" });
    const msgs = req.body.messages as { role: string; content: string }[];
    expect(msgs[0]!.role).toBe("system");
    expect(msgs[1]!.content).toContain("Why we moved our build to Rust");
  });

  it("retries an answer that is not JSON, and sums the tokens of both attempts", async () => {
    llm.script({ kind: "answer", content: "Sure! Here is your email: Hi Ada..." }, answer(good));
    const r = await generateMessage(openai(), input());
    expect(r.generator).toBe("llm");
    expect(r.usage).toMatchObject({ inputTokens: 240, outputTokens: 160, attempts: 2, costUsd: null });
  });

  it("sends a rejected answer back with the reason, and falls back to the built-in writer when it keeps failing", async () => {
    const before = llm.requests.length;
    const holey = answer({ ...good, body: "Hi {{first_name}}, quick one." });
    llm.script(holey, holey, holey);
    const r = await generateMessage(openai(), input());
    expect(llm.requests.length - before).toBe(3);
    const retry = llm.requests[before + 1]!.body.messages as { role: string; content: string }[];
    expect(retry.at(-1)!.content).toContain("unfilled placeholders: {{first_name}}");
    expect(r.generator).toBe("builtin");
    expect(r.fallbackReason).toContain("rejected 3 time(s)");
    expect(r.body).not.toMatch(/\{\{/);
    expect(r.usage!.attempts).toBe(3);
  });

  it("rejects a LinkedIn invite note over 300 characters and a schema mismatch", async () => {
    llm.script(
      answer({ subject: "", body: "x ".repeat(200), hook: good.hook }),
      answer({ subject: "", text: "wrong field" }),
      answer({ subject: "", body: "Hi Ada, enjoyed your Rust post. Happy to connect.", hook: good.hook }),
    );
    const r = await generateMessage(openai(), input({ channel: "linkedin_invite" }));
    expect(r.generator).toBe("llm");
    expect(r.usage!.attempts).toBe(3);
    expect(r.body).toBe("Hi Ada, enjoyed your Rust post. Happy to connect.");
    expect(r.subject).toBe("");
  });

  it("waits out a 429 with Retry-After and a 500, then succeeds", async () => {
    llm.script({ kind: "status", status: 429, retryAfter: 0 }, { kind: "status", status: 500 }, answer(good));
    const r = await generateMessage(openai(), input());
    expect(r.generator).toBe("llm");
    expect(r.usage!.attempts).toBe(1);
  });

  it("abandons a slow server after the timeout and writes with the built-in writer", async () => {
    llm.script({ kind: "slow", ms: 3000, content: JSON.stringify(good) });
    const started = performance.now();
    const r = await generateMessage(openai({ LLM_TIMEOUT_MS: "300", LLM_MAX_RETRIES: "0" }), input());
    expect(performance.now() - started).toBeLessThan(2500);
    expect(r.generator).toBe("builtin");
    expect(r.fallbackReason).toMatch(/LLM request failed: .*time/i);
    expect(r.body).toContain("Ada");
  });

  it("falls back on a wrong API key without retrying it", async () => {
    const before = llm.requests.length;
    const r = await generateMessage(openai({ LLM_API_KEY: "wrong" }), input());
    expect(llm.requests.length - before).toBe(1);
    expect(r.generator).toBe("builtin");
    expect(r.fallbackReason).toContain("401");
  });
});

describe("message generation through Anthropic's Messages API", () => {
  it("uses the model's answer with the API key and version headers and counts tokens", async () => {
    const before = llm.requests.length;
    llm.script({ kind: "answer", content: JSON.stringify(good), usage: { input: 500, output: 100 } });
    const r = await generateMessage(
      ctxFor({
        LLM_PROVIDER: "anthropic",
        LLM_MODEL: "claude-test",
        LLM_BASE_URL: llm.baseUrl.replace(/\/v1$/, ""),
      }),
      input(),
    );
    expect(r.fallbackReason).toBeNull();
    expect(r.generator).toBe("llm");
    expect(r.usage).toMatchObject({ inputTokens: 500, outputTokens: 100 });
    const req = llm.requests[before]!;
    expect(req.path).toBe("/v1/messages");
    expect(req.headers["x-api-key"] ?? req.headers.authorization).toMatch(/^(Bearer )?test-key$/);
    expect(req.headers["anthropic-version"]).toBeTruthy();
    expect(typeof req.body.system).toBe("string");
    expect(req.body.max_tokens).toBe(800);
  });
});

describe("without an LLM", () => {
  it("writes deterministically with the built-in writer and records no usage", async () => {
    const ctx = ctxFor({ LLM_PROVIDER: "none" });
    const a = await generateMessage(ctx, input());
    const b = await generateMessage(ctx, input());
    expect(a).toEqual(b);
    expect(a.generator).toBe("builtin");
    expect(a.usage).toBeNull();
    expect(a.fallbackReason).toBeNull();
    expect(a.hook.kind).toBe("recent_post");
  });
});
