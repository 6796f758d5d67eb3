import { assignVariant, variantText } from "../../domain/sequence/stepVariants";
import { and, eq } from "drizzle-orm";
import { leadMergeVars, type RenderResult, renderTemplate } from "../../domain/messages/renderTemplate";
import { describeSpintaxProblem, spinKey } from "../../domain/messages/spintax";
import { strategyProfiles } from "../../db/schema";
import type { AppContext } from "../context";
import type { getLeadRow } from "../leads/leadDetail";
import type { getSequence } from "../outreach/sequences";

export type PreviewMessage = {
  subject: string;
  body: string;
  problem: string | null;
  /** The A/B variant this lead gets for the step (null: the step has none). */
  variant: string | null;
};

/**
 * A template sequence's steps as this lead would receive them: merge fields filled and the lead's
 * spintax variant chosen with the same key the scheduler uses, so the preview is what is sent.
 * Follow-up emails reply in the first email's thread ("Re: …"), as the scheduler sends them.
 */
export async function previewMessages(
  ctx: AppContext,
  seq: Awaited<ReturnType<typeof getSequence>>,
  lead: Awaited<ReturnType<typeof getLeadRow>>,
  /** The lead's own sender (its `sender_name` fallback is the sender's From name), as the scheduler sends. */
  sender: { fromName: string } | undefined,
): Promise<Map<number, PreviewMessage>> {
  const out = new Map<number, PreviewMessage>();
  if (seq.messageSource !== "template") return out;
  const [profile] = seq.strategyProfileId
    ? await ctx.db
        .select()
        .from(strategyProfiles)
        .where(
          and(
            eq(strategyProfiles.id, seq.strategyProfileId),
            eq(strategyProfiles.workspaceId, seq.workspaceId),
          ),
        )
    : [];
  const vars = {
    ...leadMergeVars(lead),
    sender_name: profile?.senderName ?? sender?.fromName ?? "",
    sender_company: profile?.senderCompany ?? "",
  };
  let firstSubject: string | null = null;
  for (const row of seq.steps) {
    const variant = assignVariant(row.variants, lead.id, row.idx, row.winner);
    const step = { ...row, ...variantText(row, variant) };
    const email = step.channel === "email";
    const subject: RenderResult =
      email && firstSubject === null
        ? renderTemplate(step.subject || "{{first_name|Hello}}", vars, spinKey(lead.id, step.idx, "subject"))
        : { ok: true as const, text: email ? `Re: ${firstSubject}` : "" };
    const body = renderTemplate(step.body, vars, spinKey(lead.id, step.idx, "body"));
    const failed = [subject, body].find((r) => !r.ok);
    const problem =
      !failed || failed.ok
        ? null
        : failed.spintax?.length
          ? `broken spintax ${describeSpintaxProblem(failed.spintax[0]!)}`
          : `empty merge field: ${failed.missing.join(", ")}`;
    if (email && firstSubject === null && subject.ok) firstSubject = subject.text;
    out.set(step.idx, {
      subject: subject.ok ? subject.text : step.subject,
      body: body.ok ? body.text : step.body,
      problem,
      variant: variant?.label ?? null,
    });
  }
  return out;
}
