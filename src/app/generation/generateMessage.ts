import { type Hook, writeMessage } from "../../domain/compose";
import {
  buildGenerationPrompt,
  checkGeneratedMessage,
  type GenerationInput,
  parseGeneratedMessage,
} from "../../domain/generation";
import type { AppContext } from "../context";
import { limitReached, recordUsage } from "../usage/usage";
import { llmClient, type LlmTurn } from "../../providers/llmClient";

export type GenerationUsage = {
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
  attempts: number;
};

export type GenerationResult = {
  subject: string;
  body: string;
  hook: Hook;
  generator: "llm" | "builtin";
  model: string | null;
  usage: GenerationUsage | null;
  /** Set when an LLM is configured but the built-in writer had to step in, and why. */
  fallbackReason: string | null;
};

/** USD to the micro-dollar, or null when the operator has not set prices. */
export function costOf(
  u: { inputTokens: number; outputTokens: number },
  price: { input: number; output: number },
): number | null {
  if (!price.input && !price.output) return null;
  return Math.round(u.inputTokens * price.input + u.outputTokens * price.output) / 1e6;
}

/**
 * Writes one message: with the configured LLM when there is one (JSON answer, schema-checked,
 * channel limits and "no placeholders" enforced; a rejected answer is sent back with the reason
 * and retried), else, or when the LLM keeps failing, with the built-in writer. Tokens and cost of
 * every attempt are counted, including the rejected ones: they were paid for.
 */
export async function generateMessage(
  ctx: AppContext,
  input: GenerationInput,
  meter?: { workspaceId: string; runId?: string | null },
): Promise<GenerationResult> {
  const result = await write(ctx, input, meter);
  if (meter && result.usage)
    await recordUsage(ctx, meter.workspaceId, {
      kind: "llm",
      quantity: result.usage.attempts,
      tokens: result.usage.inputTokens + result.usage.outputTokens,
      costUsd: result.usage.costUsd,
      runId: meter.runId,
    });
  return result;
}

async function write(
  ctx: AppContext,
  input: GenerationInput,
  meter?: { workspaceId: string },
): Promise<GenerationResult> {
  let client = llmClient(ctx.config.llm);
  let fallbackReason: string | null = null;
  let usage: GenerationUsage | null = null;
  // The workspace's monthly LLM budget is spent: the built-in writer writes, and the draft says why.
  const budget = client && meter ? await limitReached(ctx, meter.workspaceId, "llmCostUsd") : null;
  if (budget) {
    fallbackReason = budget;
    client = null;
  }
  if (client) {
    const price = ctx.config.llm.pricePerMTok;
    usage = { inputTokens: 0, outputTokens: 0, costUsd: null, attempts: 0 };
    const { system, user } = buildGenerationPrompt(input);
    const turns: LlmTurn[] = [{ role: "user", content: user }];
    const tries = 1 + ctx.config.llm.maxRetries;
    for (let attempt = 1; attempt <= tries; attempt++) {
      usage.attempts = attempt;
      let text: string;
      try {
        const answer = await client.complete({ system, turns, maxTokens: 800 });
        usage.inputTokens += answer.inputTokens;
        usage.outputTokens += answer.outputTokens;
        text = answer.text;
      } catch (e) {
        fallbackReason = `the LLM request failed: ${(e as Error).message}`;
        ctx.log.warn({ err: e, model: client.model }, "LLM request failed; using the built-in writer");
        break;
      }
      const parsed = parseGeneratedMessage(text);
      const problems = parsed.ok
        ? checkGeneratedMessage(withStepSubject(parsed.message, input), input.channel, touchOf(input))
        : [parsed.error];
      if (parsed.ok && !problems.length) {
        usage.costUsd = costOf(usage, price);
        const m = withStepSubject(parsed.message, input);
        return {
          subject: input.channel === "email" ? m.subject.trim() : "",
          body: m.body.trim(),
          hook: m.hook,
          generator: "llm",
          model: client.model,
          usage,
          fallbackReason: null,
        };
      }
      fallbackReason = `the LLM's answer was rejected ${attempt} time(s): ${problems.join("; ")}`;
      turns.push(
        { role: "assistant", content: text },
        {
          role: "user",
          content: `That answer was rejected because ${problems.join("; ")}. Answer again with one JSON object that follows every rule.`,
        },
      );
    }
    usage.costUsd = costOf(usage, price);
  }
  const written = writeMessage(input);
  const problems = checkGeneratedMessage(written, input.channel, touchOf(input));
  // The built-in writer only uses facts it has, so this cannot happen; if it ever does, no draft is better than a bad one.
  if (problems.length)
    throw new Error(`the built-in writer produced an unusable message: ${problems.join("; ")}`);
  return {
    subject: written.subject,
    body: written.body,
    hook: written.hook,
    generator: "builtin",
    model: null,
    usage,
    fallbackReason,
  };
}

const touchOf = (input: GenerationInput) => input.touch ?? input.stepNumber;
/** The step's subject, when set, is the email's subject: the model writes the body only. */
function withStepSubject<T extends { subject: string }>(m: T, input: GenerationInput): T {
  const set = input.stepSubject?.trim();
  return set && input.channel === "email" ? { ...m, subject: set } : m;
}
