import {
  DeferSendError,
  type OutboundMessage,
  PermanentSendError,
  type SendResult,
} from "../../channels/channel";
import { and, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { leads } from "../../db/schema";
import { normaliseLinkedInUrl } from "../../domain/identity/normaliseLinkedIn";
import { type Actor, type AppContext, systemActor } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";
import { recordAcceptances } from "./linkedinAcceptance";
import { type LinkedInAccount, linkedinAccountOf, pauseLinkedInAccount } from "./linkedinAccount";
import { refusalOf, unipileClient } from "../../providers/unipileClient";

const HOUR = 3_600_000;
/** LinkedIn refuses a new invitation to someone whose earlier one was withdrawn for about 3 weeks. */
export const REINVITE_WAIT_DAYS = 21;

/**
 * Performs one LinkedIn step through the workspace's account: the profile is looked up first (its
 * provider id is what invitations and chats need, and its network distance tells whether the person
 * is already connected). Outcomes map onto the scheduler's rules:
 * - a restriction or credentials error pauses the account, and the step waits (nothing was sent);
 * - LinkedIn saying "not yet" to a re-invitation records the withdrawal, and the step waits 3 weeks;
 * - any other refusal is certain: the step failed and nothing went out;
 * - a timeout or a 5xx may have gone through: the caller records it as uncertain.
 */
export async function sendLinkedInStep(
  ctx: AppContext,
  account: LinkedInAccount,
  target: { workspaceId: string; leadId: string },
  msg: OutboundMessage,
): Promise<SendResult> {
  const id = normaliseLinkedInUrl(msg.to.linkedinUrl);
  if (!id) throw new PermanentSendError("the lead's LinkedIn URL is not a profile URL");
  const client = unipileClient(ctx, account);
  try {
    const profile = await client.profile(id.slug);
    const providerId = String(profile.provider_id ?? "");
    if (!providerId) throw new PermanentSendError("LinkedIn gave no id for this profile");
    const connected = String(profile.network_distance ?? "").toUpperCase() === "FIRST_DEGREE";
    if (msg.channel === "linkedin_invite") {
      if (connected) {
        await recordAcceptances(ctx, target.workspaceId, [{ leadId: target.leadId, providerId }], "profile");
        return {
          accepted: true,
          providerId,
          response: "already connected: no invitation needed",
          skipped: true,
        };
      }
      const r = await client.invite(providerId, msg.text || undefined);
      return {
        accepted: true,
        providerId: String(r.invitation_id ?? providerId),
        response: "invitation sent",
      };
    }
    const r = await client.message(providerId, msg.text);
    return { accepted: true, providerId: String(r.chat_id ?? providerId), response: "message sent" };
  } catch (e) {
    if (e instanceof PermanentSendError) throw e;
    const refusal = refusalOf(e);
    const now = ctx.clock.now().getTime();
    if (refusal?.pauseAccount) {
      const reason = (e as Error).message;
      await pauseLinkedInAccount(ctx, target.workspaceId, reason);
      throw new DeferSendError(`the LinkedIn account is paused: ${reason}`, new Date(now + HOUR));
    }
    if (refusal?.type.includes("cannot_resend_yet")) {
      await recordLeadEvents(ctx.db, systemActor(target.workspaceId, "LinkedIn"), new Date(now), [
        { leadId: target.leadId, type: "invitation_withdrawn", data: { reportedBy: "LinkedIn" } },
      ]);
      throw new DeferSendError(
        "LinkedIn does not allow a new invitation yet after a withdrawn one",
        new Date(now + REINVITE_WAIT_DAYS * 24 * HOUR),
      );
    }
    if (refusal?.status === 429)
      throw new DeferSendError("Unipile asked to slow down (HTTP 429)", new Date(now + HOUR));
    if (refusal && refusal.status === 404)
      throw new PermanentSendError("LinkedIn has no profile at this URL");
    if (refusal && refusal.status >= 400 && refusal.status < 500)
      throw new PermanentSendError((e as Error).message);
    throw e;
  }
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
