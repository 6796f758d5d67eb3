import { and, eq } from "drizzle-orm";
import type { Channel } from "../../channels/channel";
import { linkedinChannel } from "../../channels/linkedin/linkedinChannel";
import { AppError } from "../../domain/appError";
import { leads } from "../../db/schema";
import { normaliseLinkedInUrl } from "../../domain/identity/normaliseLinkedIn";
import { unipileClient } from "../../providers/unipileClient";
import { type Actor, type AppContext, systemActor } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";
import { recordAcceptances } from "./linkedinAcceptance";
import { type LinkedInAccount, linkedinAccountOf, pauseLinkedInAccount } from "./linkedinAccount";

export { REINVITE_WAIT_DAYS } from "../../channels/linkedin/linkedinChannel";

/**
 * The LinkedIn channel of a workspace's account, with what it learns recorded: an existing
 * connection as an acceptance, a restriction as a paused account, a refused re-invitation as a
 * withdrawal on the lead's timeline (which the scheduler's re-invite guard reads).
 */
export function linkedinChannelOf(ctx: AppContext, account: LinkedInAccount, workspaceId: string): Channel {
  return linkedinChannel(
    unipileClient(ctx, account),
    {
      connected: async (leadId, providerId) => {
        await recordAcceptances(ctx, workspaceId, [{ leadId, providerId }], "profile");
      },
      pauseAccount: (reason) => pauseLinkedInAccount(ctx, workspaceId, reason),
      withdrawn: async (leadId) => {
        await recordLeadEvents(ctx.db, systemActor(workspaceId, "LinkedIn"), ctx.clock.now(), [
          { leadId, type: "invitation_withdrawn", data: { reportedBy: "LinkedIn" } },
        ]);
      },
    },
    () => ctx.clock.now().getTime(),
  );
}

/**
 * Withdraws the pending invitation to a lead (a person asked, or it has waited too long). LinkedIn
 * then refuses a new invitation to them for about 3 weeks; the withdrawal on the timeline is what
 * the scheduler's re-invite guard reads.
 */
export async function withdrawInvitation(ctx: AppContext, actor: Actor, leadId: string) {
  const account = await linkedinAccountOf(ctx, actor.workspaceId);
  if (!account) throw new AppError("integration_missing", "no LinkedIn account is connected");
  const [lead] = await ctx.db
    .select({ linkedinUrl: leads.linkedinUrl })
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, actor.workspaceId)));
  if (!lead) throw new AppError("not_found", "no such lead");
  const id = normaliseLinkedInUrl(lead.linkedinUrl);
  if (!id) throw new AppError("validation", "the lead has no LinkedIn profile URL");
  const client = unipileClient(ctx, account);
  const profile = await client.profile(id.slug);
  const providerId = String(profile.provider_id ?? "");
  let cursor: string | null | undefined = null;
  for (let page = 0; page < 10; page++) {
    const r = await client.sentInvitations(cursor);
    const hit = (r.items ?? []).find(
      (i) =>
        String(i.invited_user_public_id ?? "").toLowerCase() === id.slug.toLowerCase() ||
        (providerId && i.invited_user_id === providerId),
    );
    if (hit) {
      await client.cancelInvitation(String(hit.id));
      await recordLeadEvents(ctx.db, actor, ctx.clock.now(), [
        { leadId, type: "invitation_withdrawn", data: { invitationId: String(hit.id) } },
      ]);
      return { withdrawn: true, invitationId: String(hit.id) };
    }
    cursor = r.cursor;
    if (!cursor) break;
  }
  throw new AppError("not_found", "there is no pending LinkedIn invitation to this lead");
}
