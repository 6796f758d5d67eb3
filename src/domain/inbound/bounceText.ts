import { type BounceRecipient, isHardFailure, statusFrom } from "./bounceReport";
import { normaliseMessageId } from "./messageIds";

/** Where plain-text bounces start quoting the returned message. */
const COPY_MARKER =
  /^.*(below this line is a copy of the message|this is a copy of the message|original message (headers|follows)|header of the original message|(undelivered|returned|original) message( headers)? ?(is )?(follows|below|-{2,})|^-+ ?original message ?-+).*$/im;
const ADDRESS = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+/i;
const SYSTEM_LOCAL = /^(mailer-daemon|postmaster|mail-daemon|root|noreply|no-reply)@/i;
const PERMANENT =
  /permanent(ly)? (error|failure)|given up|giving up|does not exist|user unknown|no such (user|mailbox)|no mailbox here|address rejected|not found/i;
const TEMPORARY =
  /temporar(y|ily)|will (keep trying|retry|try again)|delayed|not (yet )?been delivered yet|still trying|mailbox (is )?full|over quota/i;
/** The first line carrying the server's answer ("550 5.1.1 ...", qmail's "... (#5.1.1)"). */
function smtpLine(block: string): string | null {
  for (const full of block.split("\n")) {
    const line = full.slice(0, 1000);
    const code = /\b[45]\d\d[ -]/.exec(line);
    if (code) return line.slice(code.index).trim().replace(/'$/, "");
    if (/\(#[45]\.\d{1,3}\.\d{1,3}\)/.test(line)) return line.trim();
  }
  return null;
}

function failedAddresses(report: string, failedHeader: string[]): { address: string; at: number }[] {
  const found: { address: string; at: number }[] = [];
  const add = (address: string, at: number) => {
    const a = address.toLowerCase().replace(/[.>]+$/, "");
    if (!SYSTEM_LOCAL.test(a) && !found.some((f) => f.address === a)) found.push({ address: a, at });
  };
  for (const v of failedHeader)
    for (const a of v.split(/[\s,;]+/)) if (ADDRESS.test(a)) add(a.match(ADDRESS)![0], 0);
  // qmail: "<jane@acme.com>:" on a line of its own.
  for (const m of report.matchAll(/^<([^<>\s]+@[^<>\s]+)>:\s*$/gm)) add(m[1]!, m.index);
  // Exim: indented addresses under "The following address(es) failed:".
  const exim = /following address(?:\(es\)|es)? failed:?\s*\n/i.exec(report);
  if (exim)
    for (const m of report.slice(exim.index).matchAll(/^[ \t]{2}(\S+@\S+)[ \t]*$/gm))
      add(m[1]!, exim.index + m.index);
  // Exchange: addresses listed under "Delivery has failed to these recipients or groups:".
  const exchange = /delivery has failed to these recipients(?: or groups)?:?[ \t]*\n/i.exec(report);
  if (exchange) {
    const list = report.slice(exchange.index + exchange[0].length).match(/^(?:[ \t]*\n)*((?:.*@.*\n?)+)/);
    for (const m of list?.[1]?.matchAll(new RegExp(ADDRESS.source, "gi")) ?? []) add(m[0], exchange.index);
  }
  // Outlook.com / Gmail prose: "Your message to X couldn't be delivered", "wasn't delivered to X".
  for (const m of report.matchAll(
    /message (?:to|(?:wasn't|was not|couldn't be|could not be) delivered to) <?([^\s<>@]{1,64}@[^\s<>@]{1,255}?)>?[\s.,]/gi,
  ))
    add(m[1]!, m.index);
  if (found.length) return found;
  // Anything else: addresses on lines that also say what went wrong.
  for (const m of report.matchAll(/^.*$/gm))
    if (
      /\b[45]\d\d\b|\b[45]\.\d\.\d|rcpt to|failed|unknown|rejected|not found|does not exist|no mailbox/i.test(
        m[0],
      )
    ) {
      const a = ADDRESS.exec(m[0]);
      if (a) add(a[0], m.index);
    }
  return found;
}

/**
 * Best-effort reading of a bounce that has no delivery-status part (old qmail, Exim without DSN,
 * text-only NDRs): failed addresses, the server's answer near each, and the returned Message-ID.
 */
export function parseBounceText(
  text: string,
  failedRecipientsHeader: readonly string[] = [],
): { recipients: BounceRecipient[]; originalMessageId: string | null } {
  // The report part of a bounce is short; the bound keeps every pattern below cheap.
  const normalised = text.slice(0, 30_000).replace(/\r\n/g, "\n");
  const marker = COPY_MARKER.exec(normalised);
  const report = marker ? normalised.slice(0, marker.index) : normalised;
  const copy = marker ? normalised.slice(marker.index + marker[0].length) : "";
  const addresses = failedAddresses(report, [...failedRecipientsHeader]);
  const temporary = TEMPORARY.test(report) && !PERMANENT.test(report);
  const recipients = addresses.map(({ address, at }, i) => {
    const next = addresses.slice(i + 1).find((x) => x.at > at)?.at ?? report.length;
    const block = report.slice(at, at < next ? next : report.length);
    const diagnosticCode = smtpLine(block) ?? smtpLine(report);
    const qmailCode = /\(#([45]\.\d{1,3}\.\d{1,3})\)/.exec(block)?.[1];
    const status = statusFrom(qmailCode, diagnosticCode) ?? (temporary ? "4.0.0" : null);
    const action = status?.startsWith("4") || (!status && temporary) ? "delayed" : "failed";
    return {
      finalRecipient: address,
      originalRecipient: null,
      action,
      status,
      diagnosticCode,
      remoteMta: null,
      hard: isHardFailure(action, status),
    };
  });
  const id = /^message-id:[ \t]*(.*(?:\n[ \t]+.*)*)$/im.exec(copy)?.[1];
  return { recipients, originalMessageId: normaliseMessageId(id?.match(/<[^<>]+>/)?.[0] ?? id) };
}
