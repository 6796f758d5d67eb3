import { normaliseLinkedInUrl } from "../../domain/identity/normaliseLinkedIn";
import { refusalOf, type unipileClient } from "../../providers/unipileClient";
import {
  type Channel,
  DeferSendError,
  type OutboundMessage,
  PermanentSendError,
  type SendResult,
} from "../channel";

const HOUR = 3_600_000;
/** LinkedIn refuses a new invitation to someone whose earlier one was withdrawn for about 3 weeks. */
export const REINVITE_WAIT_DAYS = 21;

/** What the channel learns on the way that the product must remember (the caller records it). */
export type LinkedInChannelHooks = {
  /** The person is already a connection: their invitation counts as accepted. */
  connected(leadId: string, providerId: string): Promise<void>;
  /** LinkedIn restricted the account or its credentials failed: it must stop acting. */
  pauseAccount(reason: string): Promise<void>;
  /** LinkedIn reports an earlier invitation to this person as withdrawn. */
  withdrawn(leadId: string): Promise<void>;
};

/**
 * LinkedIn steps through a workspace's Unipile account, as one more `Channel`. The profile is looked
 * up first (its provider id is what invitations and chats need, and its network distance tells
 * whether the person is already connected). Outcomes map onto the scheduler's rules:
 * - a restriction or credentials error pauses the account, and the step waits (nothing was sent);
 * - LinkedIn saying "not yet" to a re-invitation records the withdrawal, and the step waits 3 weeks;
 * - any other refusal is certain: the step failed and nothing went out;
 * - a timeout or a 5xx may have gone through: the caller records it as uncertain.
 */
export function linkedinChannel(
  client: ReturnType<typeof unipileClient>,
  hooks: LinkedInChannelHooks,
  nowMs: () => number,
): Channel {
  return {
    async send(msg: OutboundMessage): Promise<SendResult> {
      const id = normaliseLinkedInUrl(msg.to.linkedinUrl);
      if (!id) throw new PermanentSendError("the lead's LinkedIn URL is not a profile URL");
      const leadId = msg.to.leadId ?? "";
      try {
        const profile = await client.profile(id.slug);
        const providerId = String(profile.provider_id ?? "");
        if (!providerId) throw new PermanentSendError("LinkedIn gave no id for this profile");
        const connected = String(profile.network_distance ?? "").toUpperCase() === "FIRST_DEGREE";
        if (msg.channel === "linkedin_invite") {
          if (connected) {
            await hooks.connected(leadId, providerId);
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
        const now = nowMs();
        if (refusal?.pauseAccount) {
          const reason = (e as Error).message;
          await hooks.pauseAccount(reason);
          throw new DeferSendError(`the LinkedIn account is paused: ${reason}`, new Date(now + HOUR));
        }
        if (refusal?.type.includes("cannot_resend_yet")) {
          await hooks.withdrawn(leadId);
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
    },
  };
}
