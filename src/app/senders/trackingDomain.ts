import { eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import {
  checkTrackingDomain,
  normalizeTrackingDomain,
} from "../../domain/deliverability/trackingDomainCheck";
import { senderAccounts, type TrackingCheck } from "../../db/schema";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import type { Actor, AppContext } from "../context";
import { dnsRecords } from "../net/dnsRecords";
import { getSenderRow } from "../outreach/senderAccounts";
import { publicBase } from "../security/signedToken";

type SenderRow = typeof senderAccounts.$inferSelect;

/** The host tracking domains must point to: the host name of PUBLIC_URL (else the listen address). */
export const trackingTarget = (ctx: Pick<AppContext, "config">) =>
  new URL(publicBase(ctx)).hostname.replace(/^\[|\]$/g, "");

type Tracking = Pick<SenderRow, "trackingDomain" | "trackingCheck">;

/** The last check when it was of this very domain against this Overture host, else null. */
function currentCheck(ctx: Pick<AppContext, "config">, s: Tracking) {
  const c = s.trackingCheck;
  return s.trackingDomain && c?.domain === s.trackingDomain && c.target === trackingTarget(ctx) ? c : null;
}
const verified = (ctx: Pick<AppContext, "config">, s: Tracking) => currentCheck(ctx, s)?.result === "pass";

/**
 * Where the links in this sender's mail point: PUBLIC_URL with its host replaced by the sender's
 * tracking domain once that was checked, else PUBLIC_URL itself. The scheme, port and any path
 * prefix stay PUBLIC_URL's, since the tracking domain is a CNAME to the same server.
 */
export function linkBaseFor(ctx: Pick<AppContext, "config">, sender: Tracking | null | undefined) {
  const base = publicBase(ctx).replace(/\/+$/, "");
  if (!sender || !verified(ctx, sender)) return base;
  const url = new URL(base);
  url.hostname = sender.trackingDomain!;
  return url.href.replace(/\/+$/, "");
}

/** What the API shows: the domain, whether links use it, and the last check's sentence. */
export function presentTrackingDomain(ctx: Pick<AppContext, "config">, s: SenderRow) {
  const c = currentCheck(ctx, s);
  return {
    domain: s.trackingDomain,
    target: trackingTarget(ctx),
    status: !s.trackingDomain ? ("none" as const) : (c?.result ?? ("not_checked" as const)),
    inUse: c?.result === "pass",
    message: c?.message ?? null,
    evidence: c?.evidence ?? null,
    checkedAt: c?.checkedAt ?? null,
    checkedBy: c?.checkedBy ?? null,
    linkBase: linkBaseFor(ctx, s),
  };
}
export type TrackingDomainView = ReturnType<typeof presentTrackingDomain>;

export async function getTrackingDomain(ctx: AppContext, actor: Actor, senderId: string) {
  return presentTrackingDomain(ctx, await getSenderRow(ctx, actor.workspaceId, senderId));
}

/**
 * Sets (or, with null, removes) the sender's tracking domain and checks it at once: links move to it
 * only when the check passes, and a domain that fails keeps links on PUBLIC_URL.
 */
export async function setTrackingDomain(
  ctx: AppContext,
  actor: Actor,
  senderId: string,
  input: string | null,
) {
  const sender = await getSenderRow(ctx, actor.workspaceId, senderId);
  if (sender.kind === "sandbox" && input !== null)
    throw new AppError(
      "validation",
      "the sandbox sender sends nothing outside this machine, so it needs no tracking domain",
      {
        field: "domain",
      },
    );
  let domain: string | null = null;
  if (input !== null) {
    const n = normalizeTrackingDomain(input);
    if ("problem" in n) throw new AppError("validation", n.problem, { field: "domain" });
    domain = n.domain;
  }
  await ctx.db
    .update(senderAccounts)
    .set({ trackingDomain: domain, trackingCheck: null })
    .where(eq(senderAccounts.id, sender.id));
  await recordAuditEvent(
    ctx,
    actor,
    domain ? "sender.tracking_domain_set" : "sender.tracking_domain_removed",
    sender.name,
    {
      senderAccountId: sender.id,
      domain: domain ?? sender.trackingDomain,
    },
  );
  return domain ? recheckTrackingDomain(ctx, actor, senderId) : getTrackingDomain(ctx, actor, senderId);
}

/** Looks the tracking domain up again through the configured resolver and keeps the result. */
export async function recheckTrackingDomain(ctx: AppContext, actor: Actor, senderId: string) {
  const sender = await getSenderRow(ctx, actor.workspaceId, senderId);
  if (!sender.trackingDomain)
    throw new AppError("conflict", "this sender has no tracking domain to check; enter one first", {
      field: "domain",
    });
  const dns = dnsRecords(ctx);
  const target = trackingTarget(ctx);
  const verdict = await checkTrackingDomain(sender.trackingDomain, target, (type, name) => dns[type](name));
  const check: TrackingCheck = {
    domain: sender.trackingDomain,
    target,
    ...verdict,
    checkedAt: ctx.clock.now().toISOString(),
    checkedBy: actor.label,
  };
  const [row] = await ctx.db
    .update(senderAccounts)
    .set({ trackingCheck: check })
    .where(eq(senderAccounts.id, sender.id))
    .returning();
  return presentTrackingDomain(ctx, row!);
}
