import { and, asc, eq, exists, inArray, or, sql } from "drizzle-orm";
import { type Channel } from "../../channels/channel";
import { smtpChannel, verifySmtp } from "../../channels/email/smtpChannel";
import { sandboxChannel } from "../../channels/sandbox/sandboxChannel";
import { AppError } from "../../domain/appError";
import { changedEndpointFields, rebindProblem } from "../../domain/security/credentialBinding";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import { mailHostGuard } from "../net/mailHostGuard";
import { senderAccounts, sequenceSenders, sequences } from "../../db/schema";
import type { Actor, AppContext } from "../context";

type Row = typeof senderAccounts.$inferSelect;
export type SenderInput = {
  kind: "sandbox" | "smtp";
  name: string;
  fromEmail: string;
  fromName?: string;
  smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string };
  imap?: { host: string; port: number; secure: boolean; user?: string; password?: string };
  dailyCap?: number;
  minGapSeconds?: number;
  jitterSeconds?: number;
  rampUp?: { startCap: number; perDay: number } | null;
  /** The selector the domain check looks DKIM up under; null or "" tries the common ones. */
  dkimSelector?: string | null;
};

/** What the API shows: never a password, only whether one is set. */
export function presentSender(r: Row) {
  const { smtpPasswordEnc, imapPasswordEnc, ...rest } = r;
  return { ...rest, hasSmtpPassword: !!smtpPasswordEnc, hasImapPassword: !!imapPasswordEnc };
}

export async function createSenderAccount(ctx: AppContext, actor: Actor, i: SenderInput) {
  if (i.kind === "smtp" && !i.smtp)
    throw new AppError("validation", "an SMTP account needs SMTP settings", { field: "smtp" });
  const [r] = await ctx.db
    .insert(senderAccounts)
    .values({
      workspaceId: actor.workspaceId,
      kind: i.kind,
      name: i.name,
      fromEmail: i.fromEmail.trim().toLowerCase(),
      fromName: i.fromName ?? "",
      smtpHost: i.smtp?.host,
      smtpPort: i.smtp?.port,
      smtpSecure: i.smtp?.secure ?? false,
      smtpUser: i.smtp?.user,
      smtpPasswordEnc: i.smtp?.password ? ctx.secrets.encrypt(i.smtp.password) : null,
      imapHost: i.imap?.host,
      imapPort: i.imap?.port,
      imapSecure: i.imap?.secure ?? true,
      imapUser: i.imap?.user,
      imapPasswordEnc: i.imap?.password ? ctx.secrets.encrypt(i.imap.password) : null,
      dailyCap: i.dailyCap ?? 50,
      minGapSeconds: i.minGapSeconds ?? 120,
      jitterSeconds: i.jitterSeconds ?? 180,
      rampStartCap: i.rampUp?.startCap ?? null,
      rampPerDay: i.rampUp?.perDay ?? null,
      dkimSelector: i.dkimSelector?.trim() || null,
      createdAt: ctx.clock.now(),
    })
    .returning();
  await recordAuditEvent(ctx, actor, "sender.created", r!.name, {
    senderAccountId: r!.id,
    fields: credentialFields(i.smtp, i.imap),
  });
  return presentSender(r!);
}

/** The names (never the values) of the server settings given, for the audit log. */
function credentialFields(smtp?: SenderInput["smtp"], imap?: SenderInput["imap"]) {
  const named = (prefix: string, s?: object) =>
    s ? Object.entries(s).flatMap(([k, v]) => (v === undefined ? [] : [`${prefix}.${k}`])) : [];
  return [...named("smtp", smtp), ...named("imap", imap)];
}

export async function listSenderAccounts(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db
    .select()
    .from(senderAccounts)
    .where(eq(senderAccounts.workspaceId, actor.workspaceId))
    .orderBy(asc(senderAccounts.name));
  return rows.map(presentSender);
}

export async function getSenderRow(ctx: AppContext, workspaceId: string, id: string) {
  const [r] = await ctx.db
    .select()
    .from(senderAccounts)
    .where(and(eq(senderAccounts.id, id), eq(senderAccounts.workspaceId, workspaceId)));
  if (!r)
    throw new AppError("not_found", "no such sender account in this workspace", { field: "senderAccountId" });
  return r;
}

/** The sender's SMTP settings for a connection, behind the mail host guard (MAIL_HOST_ALLOWLIST). */
export const smtpSettings = (ctx: AppContext, r: Row) => ({
  host: r.smtpHost!,
  port: r.smtpPort!,
  secure: r.smtpSecure,
  user: r.smtpUser,
  password: r.smtpPasswordEnc ? ctx.secrets.decrypt(r.smtpPasswordEnc) : null,
  guard: mailHostGuard(ctx.config.mailHostAllowlist),
});

export async function testSenderConnection(ctx: AppContext, actor: Actor, id: string) {
  const r = await getSenderRow(ctx, actor.workspaceId, id);
  if (r.kind === "sandbox") return { ok: true as const };
  return verifySmtp(smtpSettings(ctx, r));
}

/** One pooled channel per sender account, reused across scheduler ticks. */
export class ChannelPool {
  private channels = new Map<string, Channel>();
  constructor(private ctx: AppContext) {}
  private keys = new Map<string, string>();
  for(r: Row): Channel {
    // Keyed on the settings too: an edited account gets a fresh connection pool on its next send.
    const key = [r.kind, r.smtpHost, r.smtpPort, r.smtpSecure, r.smtpUser, r.smtpPasswordEnc].join("|");
    let c = this.channels.get(r.id);
    if (c && this.keys.get(r.id) !== key) {
      void c.close?.();
      c = undefined;
    }
    if (!c) {
      c = r.kind === "sandbox" ? sandboxChannel() : smtpChannel(smtpSettings(this.ctx, r));
      this.channels.set(r.id, c);
      this.keys.set(r.id, key);
    }
    return c;
  }
  async close() {
    for (const c of this.channels.values()) await c.close?.();
    this.channels.clear();
  }
}

export type SenderPatch = Partial<Omit<SenderInput, "kind" | "smtp" | "imap">> & {
  smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string };
  /** null removes the inbox (no reply detection). */
  imap?: { host: string; port: number; secure: boolean; user?: string; password?: string } | null;
  /** A reason pauses the sender (its leads wait, due); null resumes it. */
  paused?: string | null;
};

/** A stored password goes only to the server it was entered for (see credentialBinding). */
function assertBound(
  which: "smtp" | "imap",
  stored: { host: string | null; port: number | null; secure: boolean; user: string | null },
  hasStoredSecret: boolean,
  next: { host: string; port: number; secure: boolean; user?: string; password?: string } | null | undefined,
) {
  if (!next) return;
  const problem = rebindProblem({
    stored,
    next: { host: next.host, port: next.port, secure: next.secure, user: next.user ?? null },
    hasStoredSecret,
    newSecretGiven: !!next.password,
    labels: { secure: "TLS mode" },
  });
  if (problem)
    throw new AppError("validation", `${which}.password: ${problem}`, { field: `${which}.password` });
}

function serverChanges(
  which: "smtp" | "imap",
  stored: { host: string | null; port: number | null; secure: boolean; user: string | null },
  next: { host: string; port: number; secure: boolean; user?: string; password?: string } | null | undefined,
) {
  if (!next) return [];
  const fields = changedEndpointFields(stored, {
    host: next.host,
    port: next.port,
    secure: next.secure,
    user: next.user ?? null,
  });
  return [...fields, ...(next.password ? ["password"] : [])].map((f) => `${which}.${f}`);
}

/**
 * Changes an account's settings. A password left out keeps the stored one (the UI never sees it)
 * as long as the server it goes to stays the same;
 * the pooled SMTP connection is rebuilt on the next send because the channel pool keys on settings.
 */
export async function updateSenderAccount(ctx: AppContext, actor: Actor, id: string, p: SenderPatch) {
  const r = await getSenderRow(ctx, actor.workspaceId, id);
  if (p.smtp && r.kind !== "smtp")
    throw new AppError("validation", "the sandbox sender has no SMTP settings", { field: "smtp" });
  assertBound(
    "smtp",
    { host: r.smtpHost, port: r.smtpPort, secure: r.smtpSecure, user: r.smtpUser },
    !!r.smtpPasswordEnc,
    p.smtp,
  );
  assertBound(
    "imap",
    { host: r.imapHost, port: r.imapPort, secure: r.imapSecure, user: r.imapUser },
    !!r.imapPasswordEnc,
    p.imap,
  );
  const [row] = await ctx.db
    .update(senderAccounts)
    .set({
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.fromEmail !== undefined ? { fromEmail: p.fromEmail.trim().toLowerCase() } : {}),
      ...(p.fromName !== undefined ? { fromName: p.fromName } : {}),
      ...(p.dailyCap !== undefined ? { dailyCap: p.dailyCap } : {}),
      ...(p.minGapSeconds !== undefined ? { minGapSeconds: p.minGapSeconds } : {}),
      ...(p.jitterSeconds !== undefined ? { jitterSeconds: p.jitterSeconds } : {}),
      ...(p.dkimSelector !== undefined ? { dkimSelector: p.dkimSelector?.trim() || null } : {}),
      ...(p.paused !== undefined
        ? { pausedAt: p.paused === null ? null : ctx.clock.now(), pausedReason: p.paused }
        : {}),
      ...(p.rampUp !== undefined
        ? { rampStartCap: p.rampUp?.startCap ?? null, rampPerDay: p.rampUp?.perDay ?? null }
        : {}),
      ...(p.smtp
        ? {
            smtpHost: p.smtp.host,
            smtpPort: p.smtp.port,
            smtpSecure: p.smtp.secure,
            smtpUser: p.smtp.user ?? null,
            ...(p.smtp.password ? { smtpPasswordEnc: ctx.secrets.encrypt(p.smtp.password) } : {}),
          }
        : {}),
      ...(p.imap === null
        ? { imapHost: null, imapPort: null, imapUser: null, imapPasswordEnc: null }
        : p.imap
          ? {
              imapHost: p.imap.host,
              imapPort: p.imap.port,
              imapSecure: p.imap.secure,
              imapUser: p.imap.user ?? null,
              ...(p.imap.password ? { imapPasswordEnc: ctx.secrets.encrypt(p.imap.password) } : {}),
            }
          : {}),
    })
    .where(eq(senderAccounts.id, r.id))
    .returning();
  const changed = [
    ...serverChanges(
      "smtp",
      { host: r.smtpHost, port: r.smtpPort, secure: r.smtpSecure, user: r.smtpUser },
      p.smtp,
    ),
    ...(p.imap === null && r.imapHost
      ? ["imap removed"]
      : serverChanges(
          "imap",
          { host: r.imapHost, port: r.imapPort, secure: r.imapSecure, user: r.imapUser },
          p.imap,
        )),
  ];
  if (changed.length)
    await recordAuditEvent(ctx, actor, "sender.credentials_changed", row!.name, {
      senderAccountId: row!.id,
      fields: changed,
    });
  // Only a person resumes a sender: who did, and what the pause had been for, is kept.
  if (p.paused === null && r.pausedAt)
    await recordAuditEvent(ctx, actor, "sender.resumed", row!.name, {
      senderAccountId: row!.id,
      pausedAt: r.pausedAt,
      pausedReason: r.pausedReason,
    });
  else if (p.paused && !r.pausedAt)
    await recordAuditEvent(ctx, actor, "sender.paused", row!.name, {
      senderAccountId: row!.id,
      reason: p.paused,
      automatic: false,
    });
  return presentSender(row!);
}

/**
 * Removes an account. Refused while a running or paused sequence sends through it (its leads would
 * stop with "no sender account"): switch those sequences to another account first. Sent messages keep
 * their history.
 */
export async function deleteSenderAccount(ctx: AppContext, actor: Actor, id: string) {
  const r = await getSenderRow(ctx, actor.workspaceId, id);
  const using = await ctx.db
    .select({ name: sequences.name })
    .from(sequences)
    .where(
      and(
        or(
          eq(sequences.senderAccountId, r.id),
          exists(
            ctx.db
              .select({ one: sql`1` })
              .from(sequenceSenders)
              .where(
                and(eq(sequenceSenders.sequenceId, sequences.id), eq(sequenceSenders.senderAccountId, r.id)),
              ),
          ),
        ),
        inArray(sequences.status, ["active", "paused"]),
      ),
    );
  if (using.length)
    throw new AppError(
      "conflict",
      `"${r.name}" sends for ${using.map((s) => `“${s.name}”`).join(", ")}; choose another sender account for ${using.length === 1 ? "that sequence" : "those sequences"} first`,
    );
  await ctx.db.delete(senderAccounts).where(eq(senderAccounts.id, r.id));
  await recordAuditEvent(ctx, actor, "sender.deleted", r.name, { senderAccountId: r.id });
  return { ok: true as const };
}
