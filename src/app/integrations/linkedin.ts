import { sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { normaliseLinkedInUrl } from "../../domain/identity/normaliseLinkedIn";
import { can } from "../../domain/roles";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import { rebindProblem } from "../../domain/security/credentialBinding";
import { queryRows } from "../../db/client";
import { integrations } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import type { ProfileData, ProfileProvider } from "../enrichment/profileProvider";
import { recordInboundMessage } from "../outreach/inbound";
import { publicBase, readToken, signToken } from "../security/signedToken";
import { linkedinAccountOf } from "./linkedinAccount";
import { recordAcceptances } from "./linkedinAcceptance";
import { unipileClient } from "../../providers/unipileClient";

export const linkedinWebhookUrl = (ctx: AppContext, workspaceId: string) =>
  `${publicBase(ctx)}/api/linkedin/webhooks/${signToken(ctx, "unipile-hook", [workspaceId])}`;

export async function getLinkedIn(ctx: AppContext, actor: Actor) {
  const s = await linkedinAccountOf(ctx, actor.workspaceId);
  return {
    connected: !!s,
    dsn: s?.dsn ?? null,
    accountId: s?.accountId ?? null,
    status: s?.status ?? null,
    pausedReason: s?.pausedReason ?? null,
    limits: s?.limits ?? null,
    lastPolledAt: s?.lastPolledAt ?? null,
    webhookUrl: linkedinWebhookUrl(ctx, actor.workspaceId),
  };
}

/**
 * Saves the account (key encrypted) and checks it by reading the account's own profile. A paused
 * account that passes the check is back in use: saving is how a person says "I have looked".
 */
export async function connectLinkedIn(
  ctx: AppContext,
  actor: Actor,
  input: { apiKey?: string; dsn: string; accountId: string },
) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins connect integrations");
  const old = await linkedinAccountOf(ctx, actor.workspaceId);
  const apiKey = input.apiKey || old?.apiKey;
  if (!apiKey) throw new AppError("validation", "the Unipile API key is required", { field: "apiKey" });
  const problem = rebindProblem({
    stored: { dsn: old?.dsn },
    next: { dsn: input.dsn },
    hasStoredSecret: !!old,
    newSecretGiven: !!input.apiKey,
    secret: "API key",
    labels: { dsn: "DSN" },
  });
  if (problem) throw new AppError("validation", `apiKey: ${problem}`, { field: "apiKey" });
  let status = "ok";
  let ownProviderId = "";
  let error: string | null = null;
  try {
    const me = await unipileClient(ctx, { apiKey, dsn: input.dsn, accountId: input.accountId }).me();
    ownProviderId = String(me.provider_id ?? "");
  } catch (e) {
    status = "error";
    error = (e as Error).message;
  }
  const now = ctx.clock.now();
  const values = {
    settings: {
      dsn: input.dsn,
      accountId: input.accountId,
      ownProviderId,
      // A paused account stays paused until a check passes: a failed re-check must not release it.
      ...(status !== "ok" && old?.status === "paused"
        ? { status: "paused", pausedReason: old.pausedReason }
        : { status, pausedReason: null }),
      ...(old ? { limits: old.limits, lastPolledAt: old.lastPolledAt } : {}),
    },
    secretEnc: ctx.secrets.encrypt(apiKey),
    updatedAt: now,
  };
  await ctx.db
    .insert(integrations)
    .values({ workspaceId: actor.workspaceId, kind: "unipile", createdAt: now, ...values })
    .onConflictDoUpdate({ target: [integrations.workspaceId, integrations.kind], set: values });
  await recordAuditEvent(ctx, actor, "integration.connected", "unipile", {
    fields: [
      ...(input.apiKey ? ["apiKey"] : []),
      ...(old?.dsn !== input.dsn ? ["dsn"] : []),
      ...(old?.accountId !== input.accountId ? ["accountId"] : []),
    ],
  });
  return { ...(await getLinkedIn(ctx, actor)), check: error ? { ok: false, error } : { ok: true } };
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** A Unipile profile as enrichment data. */
export function profileFromUnipile(p: Record<string, unknown>): ProfileData {
  const work = (p.work_experience ?? p.experience ?? []) as Record<string, unknown>[];
  const current = work.find((w) => !str(w.end));
  return {
    headline: str(p.headline),
    jobTitle: str(current?.position ?? current?.title),
    company: str(current?.company),
    location: str(p.location),
    experience: work.map((w) => ({
      title: String(w.position ?? w.title ?? ""),
      company: String(w.company ?? ""),
      start: str(w.start),
      end: str(w.end),
    })),
    skills: ((p.skills ?? []) as (Record<string, unknown> | string)[]).map((s) =>
      typeof s === "string" ? s : String(s.name ?? ""),
    ),
    recentPosts: [],
  };
}

/** Enrichment's LinkedIn profile provider for a workspace with a connected account, else null. */
export async function linkedinProfileProvider(
  ctx: AppContext,
  workspaceId: string,
): Promise<ProfileProvider | null> {
  const s = await linkedinAccountOf(ctx, workspaceId);
  if (!s) return null;
  return {
    name: "unipile",
    async fetchProfile(linkedinUrl) {
      const id = normaliseLinkedInUrl(linkedinUrl);
      if (id?.kind !== "in") return null;
      try {
        return profileFromUnipile(await unipileClient(ctx, s).profile(id.slug));
      } catch (e) {
        if ((e as Error).message.includes("HTTP 404")) return null;
        throw e;
      }
    },
  };
}

/**
 * An event Unipile posted for the workspace's account. A new message from someone else is a reply on
 * LinkedIn: it stops every later step on every channel for that lead (exactly like an email reply)
 * and lands in the inbox. Messages the account itself sent are ignored. A new relation means an
 * invitation was accepted.
 */
export async function handleLinkedInEvent(
  ctx: AppContext,
  workspaceId: string,
  body: Record<string, unknown>,
) {
  const s = await linkedinAccountOf(ctx, workspaceId);
  if (!s) return { handled: false, reason: "no LinkedIn account connected" };
  if (str(body.account_id) && body.account_id !== s.accountId)
    return { handled: false, reason: "another account" };
  const event = String(body.event ?? "");
  const sender = (body.sender ?? {}) as Record<string, unknown>;
  const who = str(sender.attendee_provider_id) ?? str(body.user_provider_id) ?? "";
  const slug = str(sender.attendee_public_identifier) ?? str(body.user_public_identifier);
  if (event === "message_received" && (!who || who === s.ownProviderId))
    return { handled: false, reason: "our own message" };
  const [lead] = slug
    ? await queryRows<{ id: string }>(
        ctx.db,
        sql`select id from leads where workspace_id = ${workspaceId}::uuid and linkedin_key = ${`li:${slug.toLowerCase()}`} limit 1`,
      )
    : [];
  if (!lead) return { handled: false, reason: "no lead with this LinkedIn profile" };
  if (event === "message_received") {
    await recordInboundMessage(ctx, {
      workspaceId,
      leadId: lead.id,
      channel: "linkedin",
      from: slug ?? who,
      subject: "",
      text: String(body.message ?? body.text ?? ""),
      messageId: str(body.message_id),
    });
    return { handled: true, event: "reply" };
  }
  if (event === "new_relation") {
    await recordAcceptances(ctx, workspaceId, [{ leadId: lead.id, providerId: who }], "webhook");
    return { handled: true, event: "relation" };
  }
  return { handled: false, reason: `event "${event}" is not used` };
}

/** The workspace a webhook URL's token names, or null for a forged one. */
export const workspaceOfLinkedInHook = (ctx: AppContext, token: string) =>
  readToken(ctx, "unipile-hook", token, 1)?.[0] ?? null;
