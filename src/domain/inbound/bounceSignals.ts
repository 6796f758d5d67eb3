import { parseContentType } from "./contentType";
import type { HeaderLookup } from "./headerLookup";
import { normaliseForMatching } from "./matchText";

const SENDER =
  /^(mailer-daemon|mailer_daemon|mail-daemon|mailerdaemon|postmaster|microsoftexchange[0-9a-f]{32})@/;
const SUBJECT =
  /(undeliver|undelivered mail|delivery status notification \((failure|delay)\)|mail delivery (failed|failure|subsystem|system)|returned mail|delivery failure|failure notice|non[- ]?deliver|delivery (has )?failed|delayed mail|delivery report|warning: could not send|message not delivered|unzustellbar|nicht zustellbar|non remis|onbestelbaar|non recapitabile|no se puede entregar|nao entregue)/;
const BODY =
  /(this is the qmail-send program|created automatically by mail delivery software|this is the mail system at host|delivery has failed to these recipients|(could not|couldn't|wasn't able to|was not able to) (be )?deliver|following address(es)? failed|delivery to the following recipients? (failed|has been delayed)|address not found|message not delivered|user unknown|recipient address rejected|no such user|mailbox unavailable|konnte nicht zugestellt werden|n'a pas pu etre (remis|distribue)|no se (pudo|ha podido) entregar|kon niet worden bezorgd|non e stato possibile recapitare|nao (foi|pode ser) entregue)/;

export type BounceSignal = { bounce: boolean; readReceipt: boolean; reason: string };

/**
 * Whether a message is a delivery report. A multipart/report says so itself (delivery-status is a
 * bounce, disposition-notification a read receipt); otherwise it takes two of: a bounce sender
 * (MAILER-DAEMON, postmaster, Exchange's system mailbox), a bounce subject, bounce wording; Exim's
 * X-Failed-Recipients alone is enough.
 */
export function bounceSignal(get: HeaderLookup, from: string, subject: string, text: string): BounceSignal {
  const ct = parseContentType(get("content-type")[0]);
  const s = normaliseForMatching(subject);
  if (ct.type === "multipart/report") {
    const reportType = (ct.params["report-type"] ?? "").toLowerCase();
    // Some parsers drop the parameters; then a "Read:" subject still tells receipts apart.
    const receipt =
      reportType === "disposition-notification" ||
      (!reportType && /^(read|gelesen|lu|leido|gelezen|letto|lido)\s*:/.test(s));
    if (receipt) return { bounce: false, readReceipt: true, reason: "read receipt (MDN)" };
    if (!reportType || reportType === "delivery-status" || reportType === "global-delivery-status")
      return { bounce: true, readReceipt: false, reason: "delivery status report" };
  }
  if (get("x-failed-recipients").length)
    return { bounce: true, readReceipt: false, reason: "X-Failed-Recipients" };
  const hits = [
    SENDER.test(from.trim().toLowerCase()) ? "bounce sender" : null,
    SUBJECT.test(s) ? "bounce subject" : null,
    BODY.test(normaliseForMatching(text.slice(0, 3000))) ? "bounce wording" : null,
  ].filter((x): x is string => x !== null);
  return hits.length >= 2
    ? { bounce: true, readReceipt: false, reason: hits.join(" + ") }
    : { bounce: false, readReceipt: false, reason: "" };
}
