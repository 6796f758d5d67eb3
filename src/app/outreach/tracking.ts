import { and, eq, inArray, sql } from "drizzle-orm";
import { automaticTransitionAllowed, leadStatuses } from "../../domain/leadStatus";
import { leads, messages } from "../../db/schema";
import type { AppContext } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";
import { publicBase, readToken, signToken } from "../security/signedToken";

const prospect = (workspaceId: string) => ({
  workspaceId,
  userId: null,
  role: "admin" as const,
  via: "system" as const,
  label: "prospect",
});

/** `base` is where the links point: the sender's checked tracking domain, else PUBLIC_URL. */
export const openPixelUrl = (
  ctx: AppContext,
  workspaceId: string,
  messageId: string,
  base = publicBase(ctx),
) => `${base}/t/o/${signToken(ctx, "open", [workspaceId, messageId])}.gif`;

/** The target is bound into the signature, so a tracking link can never be turned into an open redirect. */
export const clickUrl = (
  ctx: AppContext,
  workspaceId: string,
  messageId: string,
  url: string,
  base = publicBase(ctx),
) => `${base}/t/c/${signToken(ctx, "click", [workspaceId, messageId], url)}?u=${encodeURIComponent(url)}`;

/**
 * One open of a sent email: counts on the message and the lead (the Leads table's Opens column), the
 * first one is a timeline event and moves an "Email Sent" lead to "Opened". Invalid tokens are ignored
 * (the pixel is served either way, so nothing can be learned from the response).
 */
export async function recordOpen(ctx: AppContext, token: string) {
  const ids = readToken(ctx, "open", token.replace(/\.gif$/, ""), 2);
  if (!ids) return false;
  await countEngagement(ctx, ids[0]!, ids[1]!, null);
  return true;
}

/** A click: returns where to send the browser, or null when the link was forged or altered. */
export async function recordClick(ctx: AppContext, token: string, url: string) {
  const ids = readToken(ctx, "click", token, 2, url);
  if (!ids || !/^https?:\/\//i.test(url)) return null;
  // The prospect is sent on even if counting fails: a broken link would cost more than a lost click.
  await countEngagement(ctx, ids[0]!, ids[1]!, url).catch((e) =>
    ctx.log.warn({ err: e }, "click not recorded"),
  );
  return url;
}

async function countEngagement(
  ctx: AppContext,
  workspaceId: string,
  messageId: string,
  clicked: string | null,
) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .select({ leadId: messages.leadId, openCount: messages.openCount, stepIndex: messages.stepIndex })
      .from(messages)
      .where(
        and(eq(messages.id, messageId), eq(messages.workspaceId, workspaceId), eq(messages.status, "sent")),
      )
      .for("update");
    if (!m) return;
    const firstOpen = m.openCount === 0;
    const at = sql`${now.toISOString()}::timestamptz`;
    await tx
      .update(messages)
      .set({
        // A click means the email was opened, even when the client blocked the pixel.
        openCount: clicked ? sql`greatest(${messages.openCount}, 1)` : sql`${messages.openCount} + 1`,
        firstOpenedAt: sql`coalesce(${messages.firstOpenedAt}, ${at})`,
        ...(clicked
          ? {
              clickCount: sql`${messages.clickCount} + 1`,
              firstClickedAt: sql`coalesce(${messages.firstClickedAt}, ${at})`,
            }
          : {}),
      })
      .where(eq(messages.id, messageId));
    if (firstOpen || !clicked)
      await tx
        .update(leads)
        .set({ opens: sql`${leads.opens} + 1` })
        .where(eq(leads.id, m.leadId));
    const events = [];
    if (firstOpen) {
      events.push({ leadId: m.leadId, type: "email_opened", data: { messageId, step: m.stepIndex } });
      const from = leadStatuses.filter((s) => automaticTransitionAllowed(s, "opened"));
      await tx
        .update(leads)
        .set({ status: "opened", updatedAt: now })
        .where(and(eq(leads.id, m.leadId), inArray(leads.status, from)));
    }
    if (clicked)
      events.push({
        leadId: m.leadId,
        type: "link_clicked",
        data: { messageId, step: m.stepIndex, url: clicked },
      });
    await recordLeadEvents(tx, prospect(workspaceId), now, events);
    await askBranchNow(tx, messageId, now);
  });
}

/**
 * An open or click answers a branch question on opens or clicks at once: an enrollment waiting for
 * that answer (past its shared steps, path undecided) is made due now, and the claim decides its
 * path (and still waits for the path's first step if that is later). Nothing is sent from here.
 */
async function askBranchNow(tx: Pick<AppContext["db"], "execute">, messageId: string, now: Date) {
  await tx.execute(sql`update enrollments e set next_step_at = ${now.toISOString()}::timestamptz
    from sequences s
    where e.id = (select enrollment_id from messages where id = ${messageId}::uuid) and s.id = e.sequence_id
      and e.state = 'active' and e.branch_path is null and e.next_step_at > ${now.toISOString()}::timestamptz
      and s.branch->>'on' in ('opened', 'clicked')
      and not exists (select 1 from sequence_steps st where st.sequence_id = e.sequence_id and st.path is null
                      and st.idx > coalesce(e.last_step_index, 0))`);
}
