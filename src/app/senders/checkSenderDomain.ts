import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { memoLookup, senderDomainChecks } from "../../domain/deliverability/senderDomainChecks";
import type { CheckResult, DnsLookup } from "../../domain/deliverability/senderDomainTypes";
import { senderDomainReadiness, trackingDomainReadiness } from "../../domain/readiness";
import { senderAccounts, senderDomainChecks as checksTable } from "../../db/schema";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import type { Actor, AppContext } from "../context";
import { dnsRecords } from "../net/dnsRecords";
import { getSenderRow } from "../outreach/senderAccounts";
import { presentTrackingDomain } from "./trackingDomain";

type SenderRow = typeof senderAccounts.$inferSelect;
type CheckRow = typeof checksTable.$inferSelect;

export const senderDomainOf = (fromEmail: string) => fromEmail.split("@").pop()!.trim().toLowerCase();

/** The configured resolver as the checks' look-up: one question per (type, name) per run. */
function resolverLookup(ctx: AppContext): DnsLookup {
  const dns = dnsRecords(ctx);
  return memoLookup((type, name) => dns[type](name));
}

/**
 * A sender's stored domain check as the API shows it: the worst result, or "not checked" when it
 * never ran, or ran on another domain or SMTP host than the sender has now (SPF and reverse DNS
 * were judged for that host).
 */
export function presentDomainCheck(
  sender: Pick<SenderRow, "kind" | "fromEmail" | "smtpHost">,
  row: CheckRow | undefined,
) {
  const domain = senderDomainOf(sender.fromEmail);
  if (sender.kind === "sandbox" || !row || row.domain !== domain || row.smtpHost !== sender.smtpHost)
    return {
      status: "not_checked" as const,
      domain,
      selector: null,
      checkedAt: null,
      checkedBy: null,
      checks: [],
      override: null,
    };
  const worst: CheckResult = row.results.some((c) => c.result === "fail")
    ? "fail"
    : row.results.some((c) => c.result === "warn")
      ? "warn"
      : "pass";
  return {
    status: worst,
    domain,
    selector: row.selector,
    checkedAt: row.checkedAt,
    checkedBy: row.checkedBy,
    checks: row.results,
    override:
      row.overriddenBy && row.overriddenAt
        ? { by: row.overriddenBy, at: row.overriddenAt, reason: row.overrideReason ?? "" }
        : null,
  };
}
export type DomainCheckView = ReturnType<typeof presentDomainCheck>;

async function storedCheck(ctx: AppContext, workspaceId: string, senderId: string) {
  const [row] = await ctx.db
    .select()
    .from(checksTable)
    .where(and(eq(checksTable.senderAccountId, senderId), eq(checksTable.workspaceId, workspaceId)));
  return row;
}

/** The stored checks of several senders of one workspace, by sender id. */
export async function storedDomainChecks(ctx: AppContext, workspaceId: string, senderIds: string[]) {
  if (!senderIds.length) return new Map<string, CheckRow>();
  const rows = await ctx.db
    .select()
    .from(checksTable)
    .where(and(eq(checksTable.workspaceId, workspaceId), inArray(checksTable.senderAccountId, senderIds)));
  return new Map(rows.map((r) => [r.senderAccountId, r]));
}

export async function getSenderDomainCheck(ctx: AppContext, actor: Actor, senderId: string) {
  const sender = await getSenderRow(ctx, actor.workspaceId, senderId);
  return presentDomainCheck(sender, await storedCheck(ctx, actor.workspaceId, senderId));
}

/**
 * Looks up the sender's domain through the configured resolver, stores the results (replacing the
 * last ones and any override of them) and returns them. A selector given is saved on the sender first.
 */
export async function checkSenderDomain(
  ctx: AppContext,
  actor: Actor,
  senderId: string,
  opts: { dkimSelector?: string | null } = {},
) {
  let sender = await getSenderRow(ctx, actor.workspaceId, senderId);
  if (sender.kind === "sandbox")
    throw new AppError(
      "validation",
      "the sandbox sender sends nothing outside this machine, so it has no domain to check",
    );
  if (opts.dkimSelector !== undefined) {
    const selector = opts.dkimSelector?.trim() || null;
    [sender] = await ctx.db
      .update(senderAccounts)
      .set({ dkimSelector: selector })
      .where(eq(senderAccounts.id, sender.id))
      .returning();
  }
  const results = await senderDomainChecks(
    { fromEmail: sender!.fromEmail, smtpHost: sender!.smtpHost, dkimSelector: sender!.dkimSelector },
    resolverLookup(ctx),
  );
  const values = {
    domain: senderDomainOf(sender!.fromEmail),
    smtpHost: sender!.smtpHost,
    selector: sender!.dkimSelector,
    results,
    checkedAt: ctx.clock.now(),
    checkedBy: actor.label,
    overriddenBy: null,
    overriddenAt: null,
    overrideReason: null,
  };
  const [row] = await ctx.db
    .insert(checksTable)
    .values({ senderAccountId: sender!.id, workspaceId: actor.workspaceId, ...values })
    .onConflictDoUpdate({ target: checksTable.senderAccountId, set: values })
    .returning();
  return presentDomainCheck(sender!, row);
}

/**
 * "Launch anyway": a person accepts the failing checks of the last result, so they stop holding
 * launches (they still show, as warnings). Recorded on the audit log with the checks accepted.
 */
export async function overrideSenderDomainCheck(
  ctx: AppContext,
  actor: Actor,
  senderId: string,
  reason: string,
) {
  const sender = await getSenderRow(ctx, actor.workspaceId, senderId);
  const view = presentDomainCheck(sender, await storedCheck(ctx, actor.workspaceId, senderId));
  if (view.status !== "fail")
    throw new AppError(
      "conflict",
      view.status === "not_checked"
        ? "this sender's domain has not been checked; check it first"
        : "no check of this sender's domain failed, so there is nothing to override",
    );
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .update(checksTable)
    .set({ overriddenBy: actor.label, overriddenAt: now, overrideReason: reason })
    .where(eq(checksTable.senderAccountId, sender.id))
    .returning();
  await recordAuditEvent(ctx, actor, "sender.domain_check_overridden", sender.name, {
    senderAccountId: sender.id,
    domain: view.domain,
    failed: view.checks.filter((c) => c.result === "fail").map((c) => c.check),
    reason,
  });
  return presentDomainCheck(sender, row);
}

/** The readiness findings of a sequence's sender from its last domain check (see senderDomainReadiness). */
export async function senderDomainFindings(ctx: AppContext, workspaceId: string, sender: SenderRow) {
  const row = sender.kind === "sandbox" ? undefined : await storedCheck(ctx, workspaceId, sender.id);
  const view = presentDomainCheck(sender, row);
  const tracking = presentTrackingDomain(ctx, sender);
  return [
    ...senderDomainReadiness({
      sender: { name: sender.name, kind: sender.kind, domain: view.domain },
      check:
        view.status === "not_checked"
          ? null
          : { domain: view.domain, results: view.checks, override: view.override },
    }),
    ...trackingDomainReadiness({ senderName: sender.name, ...tracking }),
  ];
}
