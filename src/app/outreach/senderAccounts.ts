import { and, asc, eq } from "drizzle-orm";
import { type Channel } from "../../channels/channel";
import { smtpChannel, verifySmtp } from "../../channels/email/smtpChannel";
import { sandboxChannel } from "../../channels/sandbox/sandboxChannel";
import { AppError } from "../../domain/appError";
import { senderAccounts } from "../../db/schema";
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
      createdAt: ctx.clock.now(),
    })
    .returning();
  return presentSender(r!);
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

const smtpSettings = (ctx: AppContext, r: Row) => ({
  host: r.smtpHost!,
  port: r.smtpPort!,
  secure: r.smtpSecure,
  user: r.smtpUser,
  password: r.smtpPasswordEnc ? ctx.secrets.decrypt(r.smtpPasswordEnc) : null,
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
  for(r: Row): Channel {
    let c = this.channels.get(r.id);
    if (!c) {
      c = r.kind === "sandbox" ? sandboxChannel() : smtpChannel(smtpSettings(this.ctx, r));
      this.channels.set(r.id, c);
    }
    return c;
  }
  async close() {
    for (const c of this.channels.values()) await c.close?.();
    this.channels.clear();
  }
}
