import { isIP } from "node:net";
import nodemailer from "nodemailer";
import { type Channel, type OutboundMessage, PermanentSendError, type SendResult } from "../channel";

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  /** Resolves and checks the host before connecting (MAIL_HOST_ALLOWLIST); absent = connect as is. */
  guard?: (host: string) => Promise<string>;
};

/**
 * The transport connects to the address the guard checked; certificates and SNI still use the
 * host name the person entered.
 */
async function transport(s: SmtpSettings, pool: boolean) {
  const address = s.guard ? await s.guard(s.host) : s.host;
  return nodemailer.createTransport({
    host: address,
    ...(address !== s.host && !isIP(s.host) ? { servername: s.host } : {}),
    port: s.port,
    secure: s.secure,
    auth: s.user ? { user: s.user, pass: s.password ?? "" } : undefined,
    pool,
    maxConnections: 3,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    // Loopback test servers use self-signed certificates or none; real servers are verified.
    tls: { rejectUnauthorized: !["127.0.0.1", "localhost", "::1"].includes(s.host) },
  });
}

/** Email over SMTP with a pooled nodemailer transport, threading headers and RFC 8058 one-click unsubscribe. */
export function smtpChannel(s: SmtpSettings): Channel {
  // Made on the first send, after the host is resolved and checked; a refused host fails each send.
  let made: Promise<Awaited<ReturnType<typeof transport>>> | null = null;
  const open = () => {
    made ??= transport(s, true).catch((e: unknown) => {
      made = null;
      throw e;
    });
    return made;
  };
  return {
    async send(m: OutboundMessage): Promise<SendResult> {
      if (!m.to.email) throw new PermanentSendError("the lead has no email address");
      const t = await open();
      const headers: Record<string, string> = {};
      if (m.unsubscribeUrl) {
        headers["List-Unsubscribe"] = `<${m.unsubscribeUrl}>`;
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
      }
      try {
        const info = await t.sendMail({
          from: { name: m.from.name, address: m.from.email },
          to: { name: m.to.name, address: m.to.email },
          subject: m.subject,
          text: m.text,
          html: m.html ?? undefined,
          messageId: m.messageId,
          inReplyTo: m.inReplyTo ?? undefined,
          references: m.references.length ? m.references : undefined,
          headers,
        });
        return { accepted: info.accepted.length > 0, providerId: info.messageId, response: info.response };
      } catch (e) {
        const err = e as { responseCode?: number; message: string; command?: string; response?: string };
        // 5xx before the message was accepted: nothing was delivered, and retrying will not help.
        // Refused at RCPT TO or DATA, the reply is about this recipient or message: a bounce, read as one.
        if (err.responseCode && err.responseCode >= 500)
          throw new PermanentSendError(
            err.message,
            (err.command === "RCPT TO" || err.command === "DATA") && err.response
              ? { command: err.command, response: err.response, host: s.host }
              : null,
          );
        throw e;
      }
    },
    async close() {
      if (made) (await made.catch(() => null))?.close();
    },
  };
}

export type SingleMail = {
  from: { name: string; email: string };
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
};

/**
 * One message outside the scheduler (the DKIM probe a sender sends itself): its own connection,
 * through the same guard, closed after. Throws what nodemailer throws (the caller words it).
 */
export async function sendSingleMail(s: SmtpSettings, m: SingleMail): Promise<{ accepted: boolean }> {
  const t = await transport(s, false);
  try {
    const info = await t.sendMail({
      from: { name: m.from.name, address: m.from.email },
      to: m.to,
      subject: m.subject,
      text: m.text,
      messageId: m.messageId,
      headers: m.headers,
    });
    return { accepted: info.accepted.length > 0 };
  } finally {
    t.close();
  }
}

/** "Test connection" in the UI: connect, greet and authenticate, without sending anything. */
export async function verifySmtp(s: SmtpSettings): Promise<{ ok: true } | { ok: false; error: string }> {
  let t: Awaited<ReturnType<typeof transport>>;
  try {
    t = await transport(s, false);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  try {
    await t.verify();
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  } finally {
    t.close();
  }
}
