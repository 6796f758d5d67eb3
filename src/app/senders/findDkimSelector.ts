import { randomUUID } from "node:crypto";
import { sendSingleMail } from "../../channels/email/smtpChannel";
import { takeMessagesByHeader } from "../../channels/email/takeMessagesByHeader";
import { AppError } from "../../domain/appError";
import { alignedDkimSignature, dkimSignatures } from "../../domain/deliverability/dkimSignature";
import type { Actor, AppContext } from "../context";
import { BlockedMailHostError } from "../net/mailHostGuard";
import { imapSettingsOf } from "../outreach/pollInboxes";
import { getSenderRow, smtpSettings } from "../outreach/senderAccounts";
import { checkSenderDomain, senderDomainOf } from "./checkSenderDomain";

export const DKIM_PROBE_HEADER = "X-Overture-Dkim-Probe";

/**
 * The pauses before each read of the inbox after the probe is sent. Most providers deliver to
 * themselves within seconds; about half a minute in all before saying it never came.
 */
export const DKIM_PROBE_WAITS_MS = [1_000, 2_000, 3_000, 5_000, 8_000, 13_000];

/**
 * Finds the DKIM selector a sender's provider signs with from the mail itself: sends the sender a
 * test message from itself through its own SMTP settings (a real provider signs it on the way), reads
 * it back from its IMAP INBOX, takes the s= of the signature aligned with the From domain, deletes
 * the message, saves the selector and checks the domain with it.
 */
export async function findDkimSelector(ctx: AppContext, actor: Actor, senderId: string) {
  const sender = await getSenderRow(ctx, actor.workspaceId, senderId);
  if (sender.kind === "sandbox")
    throw new AppError(
      "validation",
      "the sandbox sender sends nothing outside this machine, so it has no domain to check",
    );
  if (!sender.imapHost)
    throw new AppError(
      "not_ready",
      "add the IMAP settings of this mailbox so Overture can read the test message back, or enter the selector",
      { field: "imap" },
    );
  const domain = senderDomainOf(sender.fromEmail);
  const token = randomUUID();
  try {
    await sendSingleMail(smtpSettings(ctx, sender), {
      from: { name: sender.fromName, email: sender.fromEmail },
      to: sender.fromEmail,
      subject: `Overture DKIM test ${token.slice(0, 8)}`,
      text: "Overture sent this message to itself to find the DKIM selector your mail provider signs with. It deletes the message once read; if you see it, you can delete it.",
      messageId: `<dkim-probe-${token}@${domain}>`,
      headers: { [DKIM_PROBE_HEADER]: token },
    });
  } catch (e) {
    const why = (e as Error).message;
    if (e instanceof BlockedMailHostError)
      throw new AppError("validation", `the SMTP host of this sender is refused: ${why}`, { field: "smtp" });
    throw new AppError(
      "upstream_failed",
      `the test message could not be sent through ${sender.smtpHost}: ${why}`,
    );
  }

  const imap = imapSettingsOf(ctx, sender);
  const read = async () => {
    try {
      return await takeMessagesByHeader(
        imap,
        { name: DKIM_PROBE_HEADER, value: token },
        { deadlineMs: ctx.config.inbox.timeoutSeconds * 1000 },
      );
    } catch (e) {
      const why = (e as Error).message;
      if (e instanceof BlockedMailHostError)
        throw new AppError("validation", `the IMAP host of this sender is refused: ${why}`, {
          field: "imap",
        });
      throw new AppError("upstream_failed", `the INBOX at ${imap.host} could not be read: ${why}`);
    }
  };
  let found = await read();
  let waited = 0;
  for (const ms of DKIM_PROBE_WAITS_MS) {
    if (found.length) break;
    await ctx.clock.sleep(ms);
    waited += ms;
    found = await read();
  }
  if (!found.length)
    throw new AppError(
      "not_ready",
      `the test message sent to ${sender.fromEmail} did not arrive in the INBOX at ${imap.host} within ${waited / 1000} s: look for it in spam and try again, or enter the selector`,
    );

  const signatures = found.flatMap((m) => dkimSignatures(m.source.toString("latin1")));
  if (!signatures.length)
    throw new AppError(
      "not_ready",
      "the message arrived without a DKIM signature: turn on DKIM signing at your mail provider",
    );
  const aligned = alignedDkimSignature(signatures, domain);
  if (!aligned)
    throw new AppError(
      "not_ready",
      `the message arrived signed only for ${[...new Set(signatures.map((s) => s.domain))].join(", ")}, not for ${domain}, so DMARC will not count it: set up DKIM for ${domain} at your mail provider`,
    );
  return checkSenderDomain(ctx, actor, senderId, { dkimSelector: aligned.selector });
}
