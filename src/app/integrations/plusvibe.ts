import { and, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { pushReadiness } from "../../domain/plusvibe/pushReadiness";
import { can } from "../../domain/roles";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import { rebindProblem } from "../../domain/security/credentialBinding";
import { queryRows, sqlArray } from "../../db/client";
import { integrations, leads } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { advanceStatus } from "../leads/advanceStatus";
import { recordLeadEvents } from "../leads/leadEvents";
import { publicBase, signToken } from "../security/signedToken";
import { PLUSVIBE_DEFAULT_BASE, type PlusVibeSettings, plusvibeClient } from "../../providers/plusvibeClient";

async function settingsOf(ctx: AppContext, workspaceId: string): Promise<PlusVibeSettings | null> {
  const [row] = await ctx.db
    .select()
    .from(integrations)
    .where(and(eq(integrations.workspaceId, workspaceId), eq(integrations.kind, "plusvibe")));
  if (!row) return null;
  return {
    apiKey: ctx.secrets.decrypt(row.secretEnc),
    workspaceId: String(row.settings.workspaceId ?? ""),
    baseUrl: String(row.settings.baseUrl || PLUSVIBE_DEFAULT_BASE),
  };
}

export async function requirePlusVibe(ctx: AppContext, actor: Actor) {
  const s = await settingsOf(ctx, actor.workspaceId);
  if (!s)
    throw new AppError(
      "integration_missing",
      "PlusVibe is not connected: add its API key under Settings → Integrations",
    );
  return plusvibeClient(ctx, s);
}

export async function getPlusVibe(ctx: AppContext, actor: Actor) {
  const s = await settingsOf(ctx, actor.workspaceId);
  const webhookUrl = `${publicBase(ctx)}/api/plusvibe/webhooks/${signToken(ctx, "plusvibe-hook", [actor.workspaceId])}`;
  return s
    ? { connected: true, workspaceId: s.workspaceId, baseUrl: s.baseUrl, apiKeySet: true, webhookUrl }
    : { connected: false, workspaceId: null, baseUrl: PLUSVIBE_DEFAULT_BASE, apiKeySet: false, webhookUrl };
}

/** Saves the connection (the key encrypted; a key left out keeps the stored one) and checks it. */
export async function connectPlusVibe(
  ctx: AppContext,
  actor: Actor,
  input: { apiKey?: string; workspaceId: string; baseUrl?: string },
) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins connect integrations");
  const old = await settingsOf(ctx, actor.workspaceId);
  const apiKey = input.apiKey || old?.apiKey;
  if (!apiKey) throw new AppError("validation", "the PlusVibe API key is required", { field: "apiKey" });
  const baseUrl = input.baseUrl || PLUSVIBE_DEFAULT_BASE;
  const problem = rebindProblem({
    stored: { baseUrl: old?.baseUrl },
    next: { baseUrl },
    hasStoredSecret: !!old,
    newSecretGiven: !!input.apiKey,
    secret: "API key",
    labels: { baseUrl: "base URL" },
  });
  if (problem) throw new AppError("validation", `apiKey: ${problem}`, { field: "apiKey" });
  const now = ctx.clock.now();
  const values = {
    settings: { workspaceId: input.workspaceId, baseUrl },
    secretEnc: ctx.secrets.encrypt(apiKey),
    updatedAt: now,
  };
  await ctx.db
    .insert(integrations)
    .values({ workspaceId: actor.workspaceId, kind: "plusvibe", createdAt: now, ...values })
    .onConflictDoUpdate({ target: [integrations.workspaceId, integrations.kind], set: values });
  await recordAuditEvent(ctx, actor, "integration.connected", "plusvibe", {
    fields: [
      ...(input.apiKey ? ["apiKey"] : []),
      ...(old?.baseUrl !== baseUrl ? ["baseUrl"] : []),
      ...(old?.workspaceId !== input.workspaceId ? ["workspaceId"] : []),
    ],
  });
  try {
    const campaigns = await plusvibeClient(ctx, {
      apiKey,
      workspaceId: input.workspaceId,
      baseUrl,
    }).listCampaigns();
    return { ...(await getPlusVibe(ctx, actor)), check: { ok: true, campaigns: campaigns.length } };
  } catch (e) {
    return { ...(await getPlusVibe(ctx, actor)), check: { ok: false, error: (e as Error).message } };
  }
}

export async function disconnectPlusVibe(ctx: AppContext, actor: Actor) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins connect integrations");
  await ctx.db
    .delete(integrations)
    .where(and(eq(integrations.workspaceId, actor.workspaceId), eq(integrations.kind, "plusvibe")));
  await recordAuditEvent(ctx, actor, "integration.disconnected", "plusvibe");
  return { ok: true as const };
}

export async function listPlusVibeCampaigns(ctx: AppContext, actor: Actor) {
  return (await requirePlusVibe(ctx, actor)).listCampaigns();
}

/** The selected leads of this workspace with what the guard needs: status and writeback variables. */
async function candidates(ctx: AppContext, actor: Actor, leadIds: string[]) {
  return queryRows<{
    id: string;
    status: string;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    company: string | null;
    company_domain: string | null;
    job_title: string | null;
    linkedin_url: string | null;
    variables: Record<string, string> | null;
  }>(
    ctx.db,
    sql`select l.id, l.status, l.email, l.first_name, l.last_name, l.company, l.company_domain, l.job_title, l.linkedin_url,
          (select o.variables from outreach_emails o where o.lead_id = l.id and o.writeback_status = 'written'
             order by o.created_at desc limit 1) as variables
        from leads l where l.workspace_id = ${actor.workspaceId}::uuid and l.id = any(${sqlArray(leadIds)}::uuid[])`,
  );
}

export type PushOutcome =
  | { kind: "not_ready"; ready: string[]; notReady: { id: string; status: string | null; reason: string }[] }
  | { kind: "pushed"; pushed: number; partial: false; plusvibe: Record<string, unknown> }
  | { kind: "pushed"; pushed: number; partial: true; warning: string; plusvibe: Record<string, unknown> };

/**
 * Push selected leads into a PlusVibe campaign, guarded: if any selected lead is not ready nothing is
 * pushed and the answer lists ready and not-ready leads (HTTP 409). The guard is about the leads, so it
 * answers before the connection is even looked at. Ready leads go in one call with every custom_*
 * variable; a push that worked but whose local status update failed is a partial success.
 */
export async function pushToPlusVibe(
  ctx: AppContext,
  actor: Actor,
  input: { leadIds: string[]; campaignId: string },
): Promise<PushOutcome> {
  const rows = await candidates(ctx, actor, input.leadIds);
  const found = new Set(rows.map((r) => r.id));
  const guard = pushReadiness([
    ...rows.map((r) => ({
      id: r.id,
      status: r.status,
      hasWritebackVariables: !!r.variables && Object.keys(r.variables).some((k) => k.startsWith("custom_")),
    })),
  ]);
  const unknown = input.leadIds.filter((id) => !found.has(id));
  if (guard.notReady.length || unknown.length)
    return {
      kind: "not_ready",
      ready: guard.ready,
      notReady: [
        ...guard.notReady,
        ...unknown.map((id) => ({ id, status: null, reason: "No such lead in this workspace" })),
      ],
    };
  const client = await requirePlusVibe(ctx, actor);
  const payload = rows.map((r) => ({
    email: r.email ?? "",
    first_name: r.first_name ?? "",
    last_name: r.last_name ?? "",
    company_name: r.company ?? "",
    company_website: r.company_domain ?? "",
    job_title: r.job_title ?? "",
    linkedin_person_url: r.linkedin_url ?? "",
    ...r.variables,
  }));
  const answer = await client.addLeads(input.campaignId, payload);
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      for (const r of rows)
        await tx
          .update(leads)
          .set({
            enrichment: sql`${leads.enrichment} || ${JSON.stringify({
              plusvibe: { campaignId: input.campaignId, pushedAt: now.toISOString(), variables: r.variables },
            })}::jsonb`,
          })
          .where(eq(leads.id, r.id));
      await advanceStatus(tx, guard.ready, "email_sent", now);
      await recordLeadEvents(
        tx,
        actor,
        now,
        rows.map((r) => ({
          leadId: r.id,
          type: "pushed_to_plusvibe",
          data: { campaignId: input.campaignId },
        })),
      );
    });
  } catch (e) {
    return {
      kind: "pushed",
      pushed: rows.length,
      partial: true,
      warning: `The leads are in the PlusVibe campaign, but recording it here failed: ${(e as Error).message}`,
      plusvibe: answer,
    };
  }
  return { kind: "pushed", pushed: rows.length, partial: false, plusvibe: answer };
}

/** Marks the leads completed in PlusVibe; leads without an email are skipped and listed. */
export async function markCompletedInPlusVibe(ctx: AppContext, actor: Actor, leadIds: string[]) {
  const rows = await ctx.db
    .select({ id: leads.id, email: leads.email })
    .from(leads)
    .where(and(eq(leads.workspaceId, actor.workspaceId), inArray(leads.id, leadIds)));
  const client = await requirePlusVibe(ctx, actor);
  const skipped = rows.filter((r) => !r.email).map((r) => ({ id: r.id, reason: "the lead has no email" }));
  const completed: string[] = [];
  const failed: { id: string; reason: string }[] = [];
  for (const r of rows.filter((x) => x.email))
    try {
      await client.setLeadStatus(r.email!, "COMPLETED");
      completed.push(r.id);
    } catch (e) {
      failed.push({ id: r.id, reason: (e as Error).message });
    }
  return { completed, skipped, failed };
}
