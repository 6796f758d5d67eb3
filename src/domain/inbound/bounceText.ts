import { statusFrom } from "./bounceClass";
import { normaliseMessageId } from "./messageIds";
import { recipientAddress } from "./recipientAddress";

/** Where plain-text bounces start quoting the returned message. */
const COPY_MARKER =
  /^.*(below this line is a copy of the message|this is a copy of the message|copy of the original message|original message (headers|follows)|header of the original message|(undelivered|returned|original|rejected) message( headers)?:? ?(is )?(follows|below|-{2,})|^-+ ?(original|returned) message ?-+|^[ \t]*(original|returned|bounced) (message|e-?mail):?[ \t]*$|unsent message follows|^-{2,} ?(the )?header of|^content-type: message\/rfc822).*$/im;
/** Local parts that name the mail system itself, never the failed recipient. */
const SYSTEM_LOCAL =
  /^(mailer-daemon|postmaster|mail-daemon|mailer_daemon|root|noreply|no-reply|do-not-reply|donotreply)@/i;
const ADDRESS =
  /(?:<@[^<>\s:]+:)?[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9-]{1,63})*/gi;

export type TextRecipient = {
  address: string;
  status: string | null;
  /** The server's answer for this address, when the text gives one ("550 5.1.1 ..."). */
  diagnostic: string | null;
  /** The text about this address (its lines up to the next address), for wording. */
  block: string;
};

/** The first line carrying the server's answer ("550 5.1.1 ...", qmail's "... (#5.1.1)"). */
function smtpLine(block: string): string | null {
  for (const full of block.split("\n")) {
    const line = full.slice(0, 1000);
    const code = /\b[45]\d\d[ -]/.exec(line);
    if (code) return line.slice(code.index).trim().replace(/'$/, "");
    if (/\(#[45]\.\d{1,3}\.\d{1,3}\)|\b[45]\.\d{1,3}\.\d{1,3}\b/.test(line)) return line.trim();
  }
  return null;
}

function failedAddresses(report: string, failedHeader: readonly string[], ignore: Set<string>) {
  const found: { address: string; at: number }[] = [];
  // `ignore` (the bounced message's sender) only filters the looser readings: a structural one
  // (X-Failed-Recipients, qmail's "<x>:" line, an address alone on its line) is the recipient even
  // when someone wrote to themselves.
  const add = (raw: string, at: number, loose = true) => {
    const a = recipientAddress(raw);
    if (a && !SYSTEM_LOCAL.test(a) && !(loose && ignore.has(a)) && !found.some((f) => f.address === a))
      found.push({ address: a, at });
  };
  for (const v of failedHeader) for (const m of v.matchAll(ADDRESS)) add(m[0], 0, false);
  // qmail / OpenSMTPD / DragonFly: "<jane@acme.com>:" or "jane@acme.com: 550 ..." at a line start.
  for (const m of report.matchAll(/^[ \t]*<?([^<>\s:]+@[^<>\s:]+?)>?:(?:[ \t]|$)/gm))
    add(m[1]!, m.index, false);
  // Domino, Notes, GMX, 1&1, Exim delays, Mail2000: the address alone on its line, perhaps with a
  // bracketed reason or Sendmail's "... reason" after it.
  for (const m of report.matchAll(
    /^[ \t]*<?([^\s<>()[\]@]{1,64}@[^\s<>()[\]@]{1,255}?)>?[ \t]*(?:\[[^\]\n]*\]|\([^)\n]*\)|\.{3}[^\n]*)?[ \t]*$/gm,
  ))
    add(m[1]!, m.index, false);
  // Exim / Sendmail: indented addresses under "The following address(es) failed:".
  const exim =
    /following (?:address(?:\(es\)|es)?|recipients?)(?: failed| had permanent fatal errors)?[^\n]{0,40}:?[ \t]*\n/i.exec(
      report,
    );
  if (exim)
    for (const m of report
      .slice(exim.index)
      .matchAll(/^[ \t]{1,8}<?([^\s<>]+@[^\s<>]+?)>?(?:[ \t:,(].*)?$/gm))
      add(m[1]!, exim.index + m.index);
  // Exchange: "Delivery has failed to these recipients or groups:" / "did not reach the following recipient(s):".
  const exchange =
    /(delivery has failed to these recipients(?: or groups)?|did not reach the following recipient\(?s?\)?|failed recipient\(?s?\)?)[^\n]{0,20}:?[ \t]*\n/i.exec(
      report,
    );
  if (exchange) {
    const list = report.slice(exchange.index + exchange[0].length).match(/^(?:[ \t]*\n)*((?:.*@.*\n?)+)/);
    for (const m of list?.[1]?.matchAll(ADDRESS) ?? []) add(m[0], exchange.index);
  }
  // Prose: "Your message to X couldn't be delivered", "wasn't delivered to X", "delivering your mail to <X>".
  for (const m of report.matchAll(
    /(?:message (?:to|(?:wasn't|was not|couldn't be|could not be) delivered to)|deliver(?:ing|ed)? (?:your )?(?:mail|message)? ?to|delivered to|recipient:|rcpt to:|(?:target|recipient|destination|failed) (?:mail |e-?mail )?address(?:es)?:?)[ \t]*:?[ \t]*<?([^\s<>@]{1,64}@[^\s<>@]{1,255}?)>?(?=[\s,;:)>]|\.(?:\s|$)|$)/gi,
  ))
    add(m[1]!, m.index);
  if (found.length) return found;
  // Anything else: addresses on lines that also say what went wrong.
  for (const m of report.matchAll(/^.*$/gm))
    if (
      /\b[45]\d\d\b|\b[45]\.\d\.\d|rcpt to|failed|unknown|rejected|not found|does not exist|no mailbox|full|quota|undeliver|exceed|invalid|error|denied|refused|unavailable|disabled/i.test(
        m[0],
      )
    )
      for (const a of m[0].matchAll(ADDRESS)) add(a[0], m.index);
  return found;
}

/**
 * A bounce read from its human-readable text (old qmail, Exim without DSN, text-only NDRs):
 * failed addresses, the server's answer near each, and the returned Message-ID. `ignore` holds
 * addresses that are not recipients (the sender of the bounced message, for one).
 */
export function parseBounceText(
  text: string,
  failedRecipientsHeader: readonly string[] = [],
  ignore: readonly string[] = [],
): { recipients: TextRecipient[]; originalMessageId: string | null; report: string } {
  // The report part of a bounce is short; the bound keeps every pattern below cheap.
  const normalised = text.slice(0, 30_000).replace(/\r\n?/g, "\n");
  const marker = COPY_MARKER.exec(normalised);
  const report = marker ? normalised.slice(0, marker.index) : normalised;
  const copy = marker ? normalised.slice(marker.index + marker[0].length) : "";
  const addresses = failedAddresses(
    report,
    failedRecipientsHeader,
    new Set(ignore.map((a) => a.toLowerCase())),
  );
  const recipients = addresses.map(({ address, at }, i) => {
    const next = addresses.slice(i + 1).find((x) => x.at > at)?.at ?? report.length;
    const block = report.slice(at, at < next ? next : report.length).slice(0, 3000);
    const diagnostic = smtpLine(block) ?? smtpLine(report);
    const qmailCode = /\(#([45]\.\d{1,3}\.\d{1,3})\)/.exec(block)?.[1];
    return { address, status: statusFrom(qmailCode, diagnostic), diagnostic, block };
  });
  const id = /^message-id:[ \t]*(.*(?:\n[ \t]+.*)*)$/im.exec(copy)?.[1];
  // Nothing in the words: the quoted copy's To says whom it was for.
  const copyTo = recipientAddress(/^to:[ \t]*(.*)$/im.exec(copy)?.[1]);
  if (!recipients.length && copyTo && !SYSTEM_LOCAL.test(copyTo))
    recipients.push({
      address: copyTo,
      status: statusFrom(null, report),
      diagnostic: smtpLine(report),
      block: report,
    });
  return {
    recipients,
    originalMessageId: normaliseMessageId(id?.match(/<[^<>]+>/)?.[0] ?? id),
    report,
  };
}
