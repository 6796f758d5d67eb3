import type { ProbeReply } from "./verificationTypes";

/**
 * What one RCPT TO reply says about the mailbox:
 * - accepted: 250/251
 * - no_mailbox: the server says the address does not exist (or is disabled)
 * - mailbox_full: it exists but cannot take mail now
 * - temporary: 4xx, typically greylisting; the same probe later will get an answer
 * - policy: our probe was refused (blocklists, reputation, relay denied, bad sender); says nothing about the mailbox
 * - rejected: any other refusal we cannot read
 */
export type ReplyKind = "accepted" | "no_mailbox" | "mailbox_full" | "temporary" | "policy" | "rejected";

export type ReplyReading = { kind: ReplyKind; enhanced: string | null };

// Refusals aimed at us rather than at the address. Checked before the "no such user" wording: when
// a reply is ambiguous, "unknown" costs a retry while "invalid" throws away a real prospect.
const POLICY_TEXT =
  /blocked|block ?list|black ?list|spamhaus|barracuda|spamcop|\brbl\b|dnsbl|access denied|permission denied|not permitted|not allowed|relay|reputation|\bpolicy\b|\bspam\b|banned|refused/i;
const NO_MAILBOX_TEXT =
  /user unknown|unknown user|no such (?:user|mailbox|recipient|address)|does not exist|doesn'?t exist|mailbox (?:not found|unavailable|disabled)|recipient (?:not found|unknown)|unknown recipient|invalid recipient|invalid mailbox|not a valid mailbox|doesn'?t have an? .*account|address rejected: user|unrouteable address|account (?:disabled|closed|inactive)/i;
const MAILBOX_FULL_TEXT = /mailbox (?:is )?full|over ?quota|quota exceeded|insufficient storage/i;

const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})$/;
// "550-5.1.1 The email account…" or "5.7.1: …": a code at the start of the text, not the start of an IP.
const LEADING_ENHANCED = /^(?:\d{3}[ -])?([245]\.\d{1,3}\.\d{1,3})(?![\d.])/;

export function interpretReply(reply: ProbeReply): ReplyReading {
  const enhanced = enhancedCode(reply);
  const kind = kindOf(reply.code, enhanced, reply.text);
  return { kind, enhanced };
}

function kindOf(code: number, enhanced: string | null, text: string): ReplyKind {
  if (code === 250 || code === 251) return "accepted";
  if ((code >= 400 && code < 500) || enhanced?.startsWith("4.")) return "temporary";
  if (code < 500 || code >= 600) return "rejected";

  // The enhanced code is machine-readable and more specific than the basic code or the text.
  if (enhanced) {
    const [, subject, detail] = enhanced.split(".");
    // 5.1.7/5.1.8 are about our MAIL FROM address, not the recipient.
    if (subject === "1" && detail !== "7" && detail !== "8") return "no_mailbox";
    if (subject === "1") return "policy";
    if (enhanced === "5.2.1") return "no_mailbox"; // mailbox disabled
    if (enhanced === "5.2.2") return "mailbox_full";
    if (subject === "7") return "policy";
  }
  if (POLICY_TEXT.test(text)) return "policy";
  if (MAILBOX_FULL_TEXT.test(text)) return "mailbox_full";
  if (NO_MAILBOX_TEXT.test(text)) return "no_mailbox";
  if (code === 550 || code === 551 || code === 553) return "no_mailbox";
  return "rejected";
}

function enhancedCode(reply: ProbeReply): string | null {
  const given = reply.enhanced?.trim();
  if (given && ENHANCED.test(given)) return given;
  return LEADING_ENHANCED.exec(reply.text.trim())?.[1] ?? null;
}
