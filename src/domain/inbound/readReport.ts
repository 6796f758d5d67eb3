import { classOfFailure, statusFrom } from "./bounceClass";
import { type TextRecipient, parseBounceText } from "./bounceText";
import { parseDeliveryStatus, parseFields, typedValue } from "./deliveryStatus";
import { headerLookup } from "./headerLookup";
import type { BounceClass, InboundEmail, InboundHeader } from "./inboundEmail";
import type { ReportFacts, ReportRecipient } from "./inboundFacts";
import { extractMessageIds, normaliseMessageId } from "./messageIds";
import { recipientAddress } from "./recipientAddress";

const STATUS = /^message\/(global-)?delivery-status$/;
const RETURNED = /^(message\/(rfc822|global|global-headers)|text\/rfc822-headers)$/;

/** Severity when one report names several recipients: the class of the report as a whole. */
const ORDER: BounceClass[] = [
  "complaint",
  "permanent",
  "policy",
  "undetermined",
  "temporary",
  "delayed",
  "delivered",
];
const reportClass = (rs: ReportRecipient[], fallback: BounceClass): BounceClass =>
  ORDER.find((c) => rs.some((r) => r.class === c)) ?? fallback;

const returnedHeaders = (mail: InboundEmail): InboundHeader[] =>
  mail.parts.find((p) => RETURNED.test(p.contentType) && p.headers?.length)?.headers ?? [];

/** The Message-ID of the message the report is about: the returned copy's, else what the report repeats. */
function originalId(mail: InboundEmail, extra: (string | null | undefined)[]): string | null {
  const returned = headerLookup(returnedHeaders(mail))("message-id")[0];
  return [returned, ...extra].map((x) => normaliseMessageId(x)).find((x) => x) ?? null;
}

function recipient(
  address: string | null,
  action: string | null,
  status: string | null,
  diagnostic: string | null,
  remoteMta: string | null,
  wording: string | null,
): ReportRecipient {
  const c = classOfFailure(action, status, diagnostic, wording);
  return { address, class: c.class, status, diagnostic, remoteMta, phrase: c.phrase };
}

/** An RFC 3464 delivery-status part: one recipient per group. */
function fromDsn(mail: InboundEmail, text: string, bodyWording: string): ReportFacts | null {
  const { perMessage, perRecipient } = parseDeliveryStatus(text);
  let fromWords: TextRecipient[] | null = null;
  const words = () =>
    (fromWords ??= parseBounceText(mail.text, headerLookup(mail.headers)("x-failed-recipients")).recipients);
  const recipients = perRecipient.map((f) => {
    const named = recipientAddress(f["final-recipient"]) ?? recipientAddress(f["original-recipient"]);
    // No Diagnostic-Code (OpenSMTPD, some Sendmails): the server's answer is in the text.
    const diagnostic =
      typedValue(f["diagnostic-code"])?.replace(/\s+/g, " ") ??
      (named ? (words().find((w) => w.address === named)?.diagnostic ?? null) : null);
    // A pipe or file as Final-Recipient (local delivery) names no address: Original-Recipient does.
    const address =
      recipientAddress(f["final-recipient"]) ??
      recipientAddress(f["original-recipient"]) ??
      recipientAddress(f["x-actual-recipient"]);
    const action = f.action?.trim().toLowerCase().split(/\s/)[0] ?? null;
    const status = statusFrom(f.status, diagnostic);
    // Without a diagnostic the human-readable part is the only wording there is.
    // The words about this recipient; all of them only when the report is about one recipient.
    const context =
      (address ? words().find((w) => w.address === address)?.block : undefined) ??
      (perRecipient.length === 1 ? bodyWording : null);
    return recipient(address, action, status, diagnostic, typedValue(f["remote-mta"]), context);
  });
  if (!recipients.length) return null;
  // A recipient field that names no address ("rfc822; @mx.example.org"): the text names it.
  if (recipients.some((r) => !r.address)) {
    const named = words()
      .map((r) => r.address)
      .filter((a) => !recipients.some((r) => r.address === a));
    for (const r of recipients) if (!r.address) r.address = named.shift() ?? null;
  }
  return {
    class: reportClass(recipients, "undetermined"),
    recipients,
    reportingMta: typedValue(perMessage["reporting-mta"]),
    // Gmail repeats the id as X-Original-Message-ID when it returns headers only.
    originalMessageId: originalId(mail, [perMessage["x-original-message-id"]]),
  };
}

/** An ARF feedback report (RFC 5965): the recipient reported our message as abuse. */
function fromFeedback(mail: InboundEmail): ReportFacts {
  const part = mail.parts.find((p) => p.contentType === "message/feedback-report");
  const fields = Object.fromEntries(
    parseFields((part?.text ?? "").replace(/\r\n?/g, "\n")).map((f) => [f.key, f.value]),
  );
  const returned = headerLookup(returnedHeaders(mail));
  const address =
    recipientAddress(fields["original-rcpt-to"]) ??
    recipientAddress(fields["removal-recipient"]) ??
    recipientAddress(returned("to")[0]) ??
    recipientAddress(returned("x-hmxmroriginalrecipient")[0]) ??
    recipientAddress(headerLookup(mail.headers)("x-hmxmroriginalrecipient")[0]);
  const type = (fields["feedback-type"] ?? "abuse").toLowerCase();
  return {
    class: "complaint",
    recipients: [
      {
        address,
        class: "complaint",
        status: null,
        diagnostic: `Feedback-Type: ${type}`,
        remoteMta: fields["reporting-mta"] ? typedValue(fields["reporting-mta"]) : null,
        phrase: type === "abuse" ? "reported as spam" : `reported (${type})`,
      },
    ],
    reportingMta: typedValue(fields["reporting-mta"]) ?? fields["user-agent"] ?? null,
    originalMessageId: originalId(mail, []),
  };
}

type Ses = {
  notificationType?: string;
  bounce?: {
    bounceType?: string;
    reportingMTA?: string;
    bouncedRecipients?: {
      emailAddress?: string;
      action?: string;
      status?: string;
      diagnosticCode?: string;
    }[];
  };
  complaint?: { complainedRecipients?: { emailAddress?: string }[]; complaintFeedbackType?: string };
  delivery?: { recipients?: string[]; reportingMTA?: string; smtpResponse?: string };
  mail?: { messageId?: string; commonHeaders?: { messageId?: string } };
};

/** An Amazon SES notification mailed through SNS: a JSON body. */
function fromSes(mail: InboundEmail): ReportFacts | null {
  const start = mail.text.indexOf("{");
  const end = mail.text.lastIndexOf("}");
  const json = mail.text.slice(start, end + 1);
  let n: Ses & { Message?: unknown };
  try {
    // Mail transports wrap long lines; a wrapped JSON body is rejoined before parsing.
    n = JSON.parse(
      /^\s*\{[\s\S]*\}\s*$/.test(json) && !json.includes("\n ") ? json : json.replace(/\r?\n ?/g, ""),
    ) as Ses;
    // Delivered through SNS as raw JSON, the notification is the envelope's "Message" string.
    if (typeof n.Message === "string") n = JSON.parse(n.Message) as Ses;
  } catch {
    return null;
  }
  const id = n.mail?.commonHeaders?.messageId ?? null;
  if (n.notificationType === "Complaint")
    return {
      class: "complaint",
      recipients: (n.complaint?.complainedRecipients ?? []).map((r) => ({
        address: recipientAddress(r.emailAddress),
        class: "complaint",
        status: null,
        diagnostic: `Feedback-Type: ${n.complaint?.complaintFeedbackType ?? "abuse"}`,
        remoteMta: null,
        phrase: "reported as spam",
      })),
      reportingMta: "Amazon SES",
      originalMessageId: normaliseMessageId(id),
    };
  if (n.notificationType === "Delivery")
    return {
      class: "delivered",
      recipients: (n.delivery?.recipients ?? []).map((r) =>
        recipient(recipientAddress(r), "delivered", null, n.delivery?.smtpResponse ?? null, null, null),
      ),
      reportingMta: n.delivery?.reportingMTA ?? "Amazon SES",
      originalMessageId: normaliseMessageId(id),
    };
  const transient = n.bounce?.bounceType === "Transient";
  const recipients = (n.bounce?.bouncedRecipients ?? []).map((r) => {
    const diagnostic = r.diagnosticCode ?? null;
    const status = statusFrom(r.status, diagnostic);
    const rec = recipient(
      recipientAddress(r.emailAddress),
      r.action ?? "failed",
      status,
      diagnostic,
      null,
      null,
    );
    // SES says itself when a bounce is transient: never a reason to invalidate the address.
    return transient && rec.class === "permanent" ? { ...rec, class: "temporary" as const } : rec;
  });
  return {
    class: reportClass(recipients, transient ? "temporary" : "undetermined"),
    recipients,
    reportingMta: n.bounce?.reportingMTA ?? "Amazon SES",
    originalMessageId: normaliseMessageId(id),
  };
}

/** A bounce read from its words: the failed addresses, the server's answer near each. */
function fromText(mail: InboundEmail): ReportFacts {
  const get = headerLookup(mail.headers);
  const returned = headerLookup(returnedHeaders(mail));
  // The bounced message's sender (us) is quoted in the text too; it is not a failed recipient.
  const ignore = [...returned("from"), ...returned("return-path"), ...get("to")]
    .map((v) => recipientAddress(v))
    .filter((a): a is string => !!a);
  const t = parseBounceText(mail.text, get("x-failed-recipients"), ignore);
  let found = t.recipients;
  // Nothing in the words: the returned message says whom it was for.
  if (!found.length) {
    const to = recipientAddress(returned("to")[0]);
    if (to) found = [{ address: to, status: statusFrom(null, t.report), diagnostic: null, block: t.report }];
  }
  const recipients = found.map((r) => {
    const status = r.status ?? statusFrom(null, r.block);
    // One recipient: the whole report is about it ("reject reason: Mailbox full" may come first).
    const context = found.length === 1 ? `${r.block}\n${t.report}` : r.block;
    return recipient(r.address, "failed", status, r.diagnostic, null, context);
  });
  const delayOnly =
    !recipients.length && /\bdelay(ed)?\b|will (keep trying|retry)|still trying/i.test(t.report);
  return {
    class: reportClass(recipients, delayOnly ? "delayed" : "undetermined"),
    recipients,
    reportingMta: null,
    originalMessageId: originalId(mail, [t.originalMessageId, ...extractMessageIds(returned("message-id"))]),
  };
}

/** What a delivery report or complaint says, from the parts of the one parsed message. */
export function readReport(mail: InboundEmail, kind: "bounce" | "complaint"): ReportFacts {
  const isSes = /\\?"notificationType\\?"/.test(mail.text.slice(0, 5000));
  if (kind === "complaint") return (isSes ? fromSes(mail) : null) ?? fromFeedback(mail);
  if (isSes) {
    const ses = fromSes(mail);
    if (ses) return ses;
  }
  const wording = mail.text.slice(0, 5000);
  for (const p of mail.parts)
    if (STATUS.test(p.contentType) && p.text) {
      const dsn = fromDsn(mail, p.text, wording);
      if (dsn) return dsn;
    }
  // A status part the MIME structure failed to delimit (a stray space before a boundary, a
  // forwarder that flattened it) still reads as one, from its first field on.
  const inline = /^(reporting-mta|final-recipient|original-recipient)[ \t]*:/im.exec(
    mail.text.slice(0, 30_000),
  );
  if (inline && /^action[ \t]*:/im.test(mail.text.slice(inline.index, inline.index + 5000))) {
    const dsn = fromDsn(
      mail,
      mail.text.slice(inline.index, inline.index + 20_000),
      mail.text.slice(0, inline.index),
    );
    if (dsn) return dsn;
  }
  return fromText(mail);
}
