import {
  type DiscoveryFilters,
  describeFilters,
  discoveryFiltersSchema,
  seniorities,
} from "../../domain/discovery/discoveryFilters";
import { parseDiscoveryQuery } from "../../domain/discovery/parseDiscoveryQuery";
import type { AppContext } from "../context";
import { costOf } from "../generation/generateMessage";
import { llmClient } from "../../providers/llmClient";
import { limitReached, recordUsage } from "../usage/usage";

const SYSTEM = `You turn a salesperson's description of the people they want to reach into search filters.
Answer with exactly one JSON object and nothing else:
{"titles": string[], "seniority": string[], "industries": string[], "locations": string[], "companySize": {"min": number|null, "max": number|null}, "keywords": string[]}
Rules: titles are job titles in singular, title case ("Head of Marketing", "CTO"). seniority uses only these values: ${seniorities.join(", ")}.
industries and locations are names as a person writes them ("SaaS", "Germany", "New York"); expand regions such as DACH into countries.
companySize is the number of employees (null when not stated). keywords are other words the profile should mention.
Leave a list empty when the description says nothing about it. Never invent criteria.`;

export type Interpretation = {
  filters: DiscoveryFilters;
  via: "llm" | "parser";
  summary: string;
  /** Why the built-in parser was used although an LLM is configured. */
  note: string | null;
};

/**
 * Plain language to filters: with the configured LLM (its answer checked against the schema; tokens
 * metered to the workspace), otherwise, or when it fails, with the built-in parser. Either way the
 * user sees and can edit the filters before anything runs.
 */
export async function interpretQuery(
  ctx: AppContext,
  workspaceId: string,
  text: string,
): Promise<Interpretation> {
  const parsed = (note: string | null): Interpretation => {
    const filters = parseDiscoveryQuery(text);
    return { filters, via: "parser", summary: describeFilters(filters), note };
  };
  const client = llmClient(ctx.config.llm);
  if (!client) return parsed(null);
  const budget = await limitReached(ctx, workspaceId, "llmCostUsd");
  if (budget) return parsed(budget);
  try {
    const answer = await client.complete({
      system: SYSTEM,
      turns: [{ role: "user", content: text }],
      maxTokens: 400,
    });
    await recordUsage(ctx, workspaceId, {
      kind: "llm",
      tokens: answer.inputTokens + answer.outputTokens,
      costUsd: costOf(answer, ctx.config.llm.pricePerMTok),
    });
    const json = JSON.parse(answer.text.replace(/^```(?:json)?\s*|\s*```$/g, "")) as Record<string, unknown>;
    // Unknown seniority words from the model are dropped rather than failing the whole answer.
    if (Array.isArray(json.seniority))
      json.seniority = json.seniority.filter((s) => (seniorities as readonly string[]).includes(String(s)));
    const checked = discoveryFiltersSchema.safeParse(json);
    if (!checked.success)
      return parsed(`the LLM's answer did not fit the filters: ${checked.error.issues[0]?.message}`);
    return { filters: checked.data, via: "llm", summary: describeFilters(checked.data), note: null };
  } catch (e) {
    ctx.log.warn({ err: e }, "discovery query not interpreted by the LLM; using the built-in parser");
    return parsed(`the LLM could not be used: ${(e as Error).message}`);
  }
}
