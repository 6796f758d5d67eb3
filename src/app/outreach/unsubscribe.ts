import { timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { enrollments, leads } from "../../db/schema";
import type { AppContext } from "../context";
import { recordLeadEvents } from "../leads/leadEvents";
import { suppressEmail } from "./enrollments";

const base = (ctx: AppContext) => ctx.config.publicUrl ?? `http://${ctx.config.host}:${ctx.config.port}`;

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");
const bytesUuid = (b: Buffer) =>
  b.toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
// 128 bits of HMAC-SHA256 are plenty for a link and keep it short enough for every mail client.
const tag = (ctx: AppContext, payload: string) => ctx.secrets.sign(`unsub:${payload}`).slice(0, 22);

/** An HMAC-signed link: it names the workspace and lead (as raw bytes), and cannot be forged or altered. */
export function unsubscribeToken(ctx: AppContext, workspaceId: string, leadId: string) {
  const payload = Buffer.concat([uuidBytes(workspaceId), uuidBytes(leadId)]).toString("base64url");
  return `${payload}.${tag(ctx, payload)}`;
}

export const unsubscribeUrl = (ctx: AppContext, workspaceId: string, leadId: string) =>
  `${base(ctx)}/unsubscribe/${unsubscribeToken(ctx, workspaceId, leadId)}`;

export function readUnsubscribeToken(ctx: AppContext, token: string) {
  const [payload, sig] = token.split(".");
  const raw = payload ? Buffer.from(payload, "base64url") : Buffer.alloc(0);
  const expected = payload ? tag(ctx, payload) : "";
  if (
    !sig ||
    raw.length !== 32 ||
    sig.length !== expected.length ||
    !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))
  )
    throw new AppError("validation", "this unsubscribe link is not valid");
  return { workspaceId: bytesUuid(raw.subarray(0, 16)), leadId: bytesUuid(raw.subarray(16)) };
}

/** Takes effect at once: the address is suppressed and every sequence stops for this person. */
export async function unsubscribe(ctx: AppContext, token: string, via: string) {
  const { workspaceId, leadId } = readUnsubscribeToken(ctx, token);
  const [lead] = await ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, workspaceId)));
  if (!lead) return { ok: true as const };
  const now = ctx.clock.now();
  if (lead.email) await suppressEmail(ctx, workspaceId, lead.email, `unsubscribed (${via})`);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(enrollments)
      .set({ state: "unsubscribed", stateReason: `unsubscribed (${via})`, nextStepAt: null, updatedAt: now })
      .where(and(eq(enrollments.leadId, leadId), eq(enrollments.state, "active")));
    await tx
      .update(enrollments)
      .set({ state: "unsubscribed", stateReason: `unsubscribed (${via})`, nextStepAt: null, updatedAt: now })
      .where(and(eq(enrollments.leadId, leadId), eq(enrollments.state, "paused")));
    if (lead.status !== "unsubscribed")
      await tx.update(leads).set({ status: "unsubscribed", updatedAt: now }).where(eq(leads.id, leadId));
    await recordLeadEvents(
      tx,
      { workspaceId, userId: null, role: "admin", via: "system", label: "prospect" },
      now,
      [{ leadId, type: "unsubscribed", data: { via } }],
    );
  });
  return { ok: true as const };
}
