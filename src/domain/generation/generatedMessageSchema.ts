import { z } from "zod";

/**
 * The shape an LLM must answer with (as a JSON object). Validated before anything is stored: an
 * answer that does not parse, or parses into something else, is a failed attempt, never a draft.
 */
export const generatedMessageSchema = z.object({
  subject: z.string().default(""),
  body: z.string().min(1, "body is empty"),
  hook: z
    .object({
      kind: z.enum(["recent_post", "career_move", "company_signal", "audit_finding", "role", "none"]),
      text: z.string().default(""),
      source: z.string().nullable().default(null),
    })
    .default({ kind: "none", text: "", source: null }),
});
export type GeneratedMessage = z.infer<typeof generatedMessageSchema>;

/** Parses a model's text answer: tolerates a ```json fence around the object, nothing else. */
export function parseGeneratedMessage(
  text: string,
): { ok: true; message: GeneratedMessage } | { ok: false; error: string } {
  const unfenced = text
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    return { ok: false, error: "the answer is not valid JSON" };
  }
  const parsed = generatedMessageSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      error: `the answer does not match the schema: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}`,
    };
  return { ok: true, message: parsed.data };
}
