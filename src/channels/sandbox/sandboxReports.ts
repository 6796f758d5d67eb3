/**
 * Delivery reports the sandbox can "receive" for a message it sent, written as real mail servers
 * write them (RFC 3464 DSNs, an Exim-style text bounce with no reference to our message, an RFC 5965
 * ARF complaint). They go through the same parse → classify → match → record path as mail read from
 * an IMAP inbox, so trying them in the sandbox shows exactly what a real bounce would do.
 */
export const sandboxReportKinds = [
  "user_unknown",
  "mailbox_full",
  "policy",
  "no_reference",
  "complaint",
] as const;
export type SandboxReportKind = (typeof sandboxReportKinds)[number];

export type SandboxReportInput = {
  kind: SandboxReportKind;
  /** Our sender's address (the report comes back to it). */
  sender: string;
  recipient: string;
  /** The Message-ID of the message the report is about, `<…>`. */
  originalMessageId: string;
  originalSubject: string;
  at: Date;
  /** Makes the report's own Message-ID unique. */
  nonce: string;
};

const mta = "mx.sandbox.invalid";

const dsnFailures: Record<"user_unknown" | "mailbox_full" | "policy", { status: string; diag: string }> = {
  user_unknown: {
    status: "5.1.1",
    diag: "smtp; 550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in virtual mailbox table",
  },
  mailbox_full: {
    status: "5.2.2",
    diag: "smtp; 552 5.2.2 <{rcpt}>: Mailbox full, quota exceeded",
  },
  policy: {
    status: "5.7.1",
    diag: "smtp; 550 5.7.1 Message rejected as spam by content filtering; see the sender's reputation",
  },
};

function headerBlock(i: SandboxReportInput, extra: string[]) {
  return [
    `Date: ${i.at.toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <report-${i.nonce}@${mta}>`,
    `To: ${i.sender}`,
    "MIME-Version: 1.0",
    ...extra,
  ];
}

function originalHeaders(i: SandboxReportInput) {
  return [
    `From: ${i.sender}`,
    `To: ${i.recipient}`,
    `Subject: ${i.originalSubject.replace(/[\r\n]+/g, " ")}`,
    `Message-ID: ${i.originalMessageId}`,
  ];
}

function dsn(i: SandboxReportInput, f: { status: string; diag: string }) {
  const b = `dsn-${i.nonce}`;
  const diag = f.diag.replace("{rcpt}", i.recipient);
  return [
    ...headerBlock(i, [
      `From: MAILER-DAEMON@${mta} (Mail Delivery System)`,
      "Subject: Undelivered Mail Returned to Sender",
      "Auto-Submitted: auto-replied",
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
    ]),
    "",
    `--${b}`,
    "Content-Type: text/plain; charset=us-ascii",
    "",
    `This is the mail system at host ${mta}.`,
    "",
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients.",
    "",
    `<${i.recipient}>: host ${mta} said: ${diag.replace(/^smtp; /, "")}`,
    "",
    `--${b}`,
    "Content-Type: message/delivery-status",
    "",
    `Reporting-MTA: dns; ${mta}`,
    `Arrival-Date: ${i.at.toUTCString()}`,
    "",
    `Final-Recipient: rfc822; ${i.recipient}`,
    `Original-Recipient: rfc822; ${i.recipient}`,
    "Action: failed",
    `Status: ${f.status}`,
    `Remote-MTA: dns; ${mta}`,
    `Diagnostic-Code: ${diag}`,
    "",
    `--${b}`,
    "Content-Type: text/rfc822-headers",
    "",
    ...originalHeaders(i),
    "",
    `--${b}--`,
    "",
  ];
}

/** Exim's text bounce, without the original headers: matched only by its failed recipient. */
function textBounce(i: SandboxReportInput) {
  return [
    ...headerBlock(i, [
      `From: Mail Delivery System <Mailer-Daemon@${mta}>`,
      "Subject: Mail delivery failed: returning message to sender",
      `X-Failed-Recipients: ${i.recipient}`,
      "Auto-Submitted: auto-replied",
      "Content-Type: text/plain; charset=us-ascii",
    ]),
    "",
    "This message was created automatically by mail delivery software.",
    "",
    "A message that you sent could not be delivered to one or more of its",
    "recipients. This is a permanent error. The following address(es) failed:",
    "",
    `  ${i.recipient}`,
    `    host ${mta} [192.0.2.25]`,
    `    SMTP error from remote mail server after RCPT TO:<${i.recipient}>:`,
    "    550 5.1.1 No such user here",
    "",
  ];
}

function complaint(i: SandboxReportInput) {
  const b = `arf-${i.nonce}`;
  return [
    ...headerBlock(i, [
      `From: Feedback Loop <fbl@${mta}>`,
      `Subject: Complaint about a message from ${i.sender}`,
      `Content-Type: multipart/report; report-type=feedback-report; boundary="${b}"`,
    ]),
    "",
    `--${b}`,
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is an email abuse report for an email message received from your address.",
    "The recipient marked it as spam.",
    "",
    `--${b}`,
    "Content-Type: message/feedback-report",
    "",
    "Feedback-Type: abuse",
    "User-Agent: SandboxFBL/1.0",
    "Version: 1",
    `Original-Mail-From: <${i.sender}>`,
    `Original-Rcpt-To: <${i.recipient}>`,
    `Arrival-Date: ${i.at.toUTCString()}`,
    `Reported-Domain: ${i.sender.split("@")[1] ?? ""}`,
    "",
    `--${b}`,
    "Content-Type: message/rfc822",
    "",
    ...originalHeaders(i),
    "",
    "(the message body)",
    "",
    `--${b}--`,
    "",
  ];
}

export function sandboxReport(i: SandboxReportInput): string {
  const lines =
    i.kind === "complaint"
      ? complaint(i)
      : i.kind === "no_reference"
        ? textBounce(i)
        : dsn(i, dsnFailures[i.kind]);
  return lines.join("\r\n");
}
