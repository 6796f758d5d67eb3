import nodemailer from "nodemailer";
import { type Channel, type OutboundMessage, PermanentSendError, type SendResult } from "../channel";

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
};

function transport(s: SmtpSettings, pool: boolean) {
  return nodemailer.createTransport({
    host: s.host,
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
  const t = transport(s, true);
  return {
    async send(m: OutboundMessage): Promise<SendResult> {
      if (!m.to.email) throw new PermanentSendError("the lead has no email address");
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
        const err = e as { responseCode?: number; message: string };
        // 5xx before the message was accepted: nothing was delivered, and retrying will not help.
        if (err.responseCode && err.responseCode >= 500) throw new PermanentSendError(err.message);
        throw e;
      }
    },
    async close() {
      t.close();
    },
  };
}

/** "Test connection" in the UI: connect, greet and authenticate, without sending anything. */
export async function verifySmtp(s: SmtpSettings): Promise<{ ok: true } | { ok: false; error: string }> {
  const t = transport(s, false);
  try {
    await t.verify();
    return { ok: true };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  } finally {
    t.close();
  }
}
