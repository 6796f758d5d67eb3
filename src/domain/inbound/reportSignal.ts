import { headerLookup } from "./headerLookup";
import type { InboundEmail } from "./inboundEmail";
import { normaliseForMatching } from "./matchText";

/** The mail system's own mailboxes, as From. */
const DAEMON =
  /^(mailer[-_]?daemon|mail[-_]?daemon|post[-_]?master|microsoftexchange[0-9a-f]{32}|mdaemon|mail\.?delivery\.?(system|subsystem)?|bounces?|bounce-?notice)(@|$)/;
const DAEMON_NAME =
  /^(mailer[-_ ]?daemon|post[-_ ]?master|mail deliver(y)? (system|subsystem|service)|mail administrator|system administrator|microsoft outlook|mail system)$/;
/** Senders no person answers from. */
const NO_REPLY =
  /^((no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply|notifications?|auto[-_.]?(reply|mailer|notify)|mailer)[^@]*|owner-[^@]+|[^@]+-(admin|owner|request|bounces?))@/;
const SUBJECT =
  /(undeliver|undelivered mail|delivery status notification|mail delivery (failed|failure|subsystem|system|problem)|returned mail|return(ed)? to sender|delivery failure|failure notice|failed delivery|delivery (notification|problem)|non[- ]?deliver|delivery (has )?failed|delayed mail|delivery report|warning: could not send|message not delivered|could not (be )?deliver|mail could not|rejected|unzustellbar|nicht zustellbar|non remis|onbestelbaar|non recapitabile|no se puede entregar|nao entregue|メールエラー|エラー|不達|退信|mail system error|mail failed|mail failure|returning to sender|errors from|system undeliverable|delivery error|error sending|notification de non|undeliverable)/;
const BODY =
  /(this is the qmail-send program|created automatically by mail delivery software|this is the mail system at host|this is the mailer-daemon|delivery has failed to these recipients|did not reach the following recipient|(could not|couldn't|wasn't able to|was not able to|unable to|cannot|can not|failed to) (be )?deliver|following address(es)? (failed|had (permanent )?(fatal )?(delivery )?(errors|problems))|failed addresses follow|transcript of session follows|had delivery (errors|problems)|following recipients? (failed|had permanent)|delivery to the following recipients? (failed|has been delayed)|an error (has )?occurred while (attempting to )?deliver|there was an error delivering|address not found|message not delivered|not (be )?delivered to|user unknown|recipient address rejected|no such user|mailbox unavailable|permanent (error|failure)|undeliverable|delivery (status notification|failure|failed)|returned to (the )?sender|message (was|has been) (rejected|refused|returned|bounced)|konnte nicht zugestellt werden|n'a pas pu etre (remis|distribue)|no se (pudo|ha podido) entregar|kon niet worden bezorgd|non e stato possibile recapitare|nao (foi|pode ser) entregue|送信できませんでした|届きませんでした|配送できませんでした)/;

const REPORT_TYPE = /report-type\s*=\s*"?([a-z-]+)/i;
const RETURNED = /^(message\/(rfc822|global|global-headers)|text\/rfc822-headers)$/;

export type ReportSignal =
  | { kind: "bounce" | "complaint" | "read_receipt"; reason: string }
  | { kind: "automated"; reason: string }
  | null;

/**
 * Whether a message is a delivery report, a complaint or a read receipt, checked before any
 * auto-reply header is trusted (bounces carry Auto-Submitted too). What a report says of itself
 * decides first (multipart/report's report-type, a delivery-status or feedback-report part,
 * X-Failed-Recipients, an SES notification); otherwise two of: a mail-system sender
 * (MAILER-DAEMON, `MAILER-DAEMON <>`, postmaster), bounce subject wording (OpenSMTPD's "Delivery
 * status notification" included), bounce body wording, a returned message. A mail-system or
 * no-reply sender alone makes the message "automated": never a person's reply.
 */
export function reportSignal(mail: InboundEmail): ReportSignal {
  const get = headerLookup(mail.headers);
  const reportType = (REPORT_TYPE.exec(get("content-type")[0] ?? "")?.[1] ?? "").toLowerCase();
  const types = mail.parts.map((p) => p.contentType);
  const subject = normaliseForMatching(mail.subject.slice(0, 500));
  if (reportType === "feedback-report" || types.includes("message/feedback-report"))
    return { kind: "complaint", reason: "feedback report (ARF)" };
  if (
    reportType === "disposition-notification" ||
    types.some((t) => /^message\/(global-)?disposition-notification$/.test(t))
  )
    return { kind: "read_receipt", reason: "read receipt (MDN)" };
  if (/delivery-status/.test(reportType) || types.some((t) => /^message\/(global-)?delivery-status$/.test(t)))
    return { kind: "bounce", reason: "delivery status report" };
  if (get("x-failed-recipients").length) return { kind: "bounce", reason: "X-Failed-Recipients" };
  const ses = /\\?"notificationType\\?"\s*:\s*\\?"(Bounce|Complaint|Delivery)/.exec(
    mail.text.slice(0, 5000),
  )?.[1];
  if (ses)
    return {
      kind: ses === "Complaint" ? "complaint" : "bounce",
      reason: `SES ${ses.toLowerCase()} notification`,
    };

  const returned = types.some((t) => RETURNED.test(t));
  // Hotmail/Outlook.com (JMRP) complaints: the reported message attached, no feedback-report part.
  if (returned && /complaint about message from|^abuse report|spam report/.test(subject))
    return { kind: "complaint", reason: "complaint with the reported message" };
  const daemon =
    DAEMON.test(mail.from) ||
    (!mail.from.includes("@") && DAEMON_NAME.test(mail.fromName.trim().toLowerCase()));
  // `From: <>`: no one at all, which only the mail system does.
  const nobody = !mail.from && !mail.fromName.trim() && headerLookup(mail.headers)("from").length > 0;
  const sender = daemon || nobody ? "mail-system sender" : mail.returnPath === "" ? "null sender" : null;
  const content = [
    // "Re: ..." is a person answering, whatever follows (our own subject may say "rejected").
    SUBJECT.test(subject) && !/^\s*(re|aw|sv|antw|rv|r)\s*:/.test(subject) ? "bounce subject" : null,
    BODY.test(normaliseForMatching(mail.text.slice(0, 5000))) ? "bounce wording" : null,
    returned ? "returned message" : null,
  ].filter((x): x is string => x !== null);
  // A null Return-Path is also what auto-replies use (RFC 3834): with one more sign only.
  if (content.length >= 2 || (sender && content.length >= 1))
    return { kind: "bounce", reason: [sender, ...content].filter(Boolean).join(" + ") };
  if (daemon || nobody || NO_REPLY.test(mail.from))
    return {
      kind: "automated",
      reason: daemon || nobody ? "sent by the mail system" : "sent from a no-reply address",
    };
  return null;
}
