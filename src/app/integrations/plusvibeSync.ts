import { and, eq, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { automaticTransitionAllowed, isLeadStatus, type LeadStatus } from "../../domain/leadStatus";
import { queryRows, sqlArray } from "../../db/client";
import { leads } from "../../db/schema";
import { type Actor, type AppContext, systemActor } from "../context";
import { getLeadRow } from "../leads/leadDetail";
import { recordLeadEvents } from "../leads/leadEvents";
import { recordInboundMessage } from "../outreach/inbound";
import { readToken } from "../security/signedToken";
import { requirePlusVibe } from "./plusvibe";

/** PlusVibe's lead statuses and what they mean here (moves are forward only, as for the engine). */
const STATUS_MAP: Record<string, LeadStatus> = {
  CONTACTED: "email_sent",
  EMAIL_SENT: "email_sent",
  OPENED: "opened",
  REPLIED: "replied",
  INTERESTED: "replied",
  BOUNCED: "bounced",
  COMPLETED: "completed",
  UNSUBSCRIBED: "unsubscribed",
};

async function moveLead(
  ctx: AppContext,
  actor: Actor,
  leadId: string,
  from: string,
  to: LeadStatus,
  why: string,
) {
  if (!isLeadStatus(from) || !automaticTransitionAllowed(from, to)) return false;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(leads).set({ status: to, updatedAt: now }).where(eq(leads.id, leadId));
    await recordLeadEvents(tx, actor, now, [
      { leadId, type: "status_changed", data: { from, to, via: why } },
    ]);
  });
  return true;
}

/** Sends the lead's custom_* variables (its latest writeback) to its PlusVibe lead, by email. */
export async function writebackToPlusVibe(ctx: AppContext, actor: Actor, leadId: string) {
  const lead = await getLeadRow(ctx, actor, leadId);
  if (!lead.email)
    throw new AppError("validation", "the lead has no email, which PlusVibe identifies leads by");
  const variables = Object.fromEntries(
    Object.entries(lead.customFields ?? {}).map(([k, v]) => [k.startsWith("custom_") ? k : `custom_${k}`, v]),
  );
  if (!Object.keys(variables).length)
    throw new AppError(
      "not_ready",
      "the lead has no merge variables yet: audit it or generate its email first",
    );
  await (await requirePlusVibe(ctx, actor)).updateVariables(lead.email, variables);
  await ctx.db.transaction((tx) =>
    recordLeadEvents(tx, actor, ctx.clock.now(), [
      { leadId, type: "plusvibe_writeback", data: { variables: Object.keys(variables) } },
    ]),
  );
  return { leadId, email: lead.email, variables };
}

/** Reads every lead of the PlusVibe workspace and moves matching leads (by email) forward. */
export async function syncFromPlusVibe(ctx: AppContext, actor: Actor) {
  const client = await requirePlusVibe(ctx, actor);
  let seen = 0;
  let matched = 0;
  let updated = 0;
  for (let page = 1; page <= 1000; page++) {
    const batch = await client.workspaceLeads(page, 100);
    seen += batch.length;
    const emails = batch.map((l) => String(l.email ?? "").toLowerCase()).filter(Boolean);
    const ours = emails.length
      ? await queryRows<{ id: string; email: string; status: string }>(
          ctx.db,
          sql`select id, email, status from leads where workspace_id = ${actor.workspaceId}::uuid and email = any(${sqlArray(emails)}::text[])`,
        )
      : [];
    const byEmail = new Map(ours.map((l) => [l.email, l]));
    for (const l of batch) {
      const mine = byEmail.get(String(l.email ?? "").toLowerCase());
      if (!mine) continue;
      matched++;
      const to = STATUS_MAP[String(l.status ?? "").toUpperCase()];
      if (to && (await moveLead(ctx, actor, mine.id, mine.status, to, "PlusVibe sync"))) updated++;
    }
    if (batch.length < 100) break;
  }
  return { seen, matched, updated };
}

const pick = (b: Record<string, unknown>, ...keys: string[]) => {
  for (const k of keys) if (typeof b[k] === "string" && b[k]) return b[k] as string;
  return "";
};

/**
 * An event PlusVibe posted (emails sent, bounces, replies). The URL's signed token is the proof of
 * origin; an unknown token changes nothing. A reply is recorded like any reply: it stops every
 * Overture sequence for the lead and lands in the unified inbox. Field names are read tolerantly.
 */
export async function handlePlusVibeEvent(ctx: AppContext, token: string, body: Record<string, unknown>) {
  const ids = readToken(ctx, "plusvibe-hook", token, 1);
  if (!ids) throw new AppError("unauthenticated", "this webhook URL is not valid");
  const workspaceId = ids[0]!;
  const actor = systemActor(workspaceId, "PlusVibe");
  const event = pick(body, "webhook_event", "event_type", "event", "type").toUpperCase();
  const email = pick(body, "lead_email", "email", "to_email", "lead").toLowerCase();
  if (!email) return { handled: false, reason: "no lead email in the event" };
  const [lead] = await ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.email, email)));
  if (!lead) return { handled: false, reason: "no lead with this email" };
  if (/REPL/.test(event)) {
    await recordInboundMessage(ctx, {
      workspaceId,
      leadId: lead.id,
      channel: "email",
      from: email,
      subject: pick(body, "subject", "reply_subject", "email_subject") || "Reply via PlusVibe",
      text: pick(body, "text_body", "reply_text", "text", "body", "preview_text"),
      messageId: pick(body, "message_id", "reply_message_id") || null,
    });
    return { handled: true, event: "reply" };
  }
  if (/BOUNCE/.test(event)) {
    const now = ctx.clock.now();
    await ctx.db.update(leads).set({ emailStatus: "invalid", updatedAt: now }).where(eq(leads.id, lead.id));
    await moveLead(ctx, actor, lead.id, lead.status, "bounced", "PlusVibe bounce");
    await ctx.db.transaction((tx) =>
      recordLeadEvents(tx, actor, now, [{ leadId: lead.id, type: "bounced", data: { via: "PlusVibe" } }]),
    );
    return { handled: true, event: "bounce" };
  }
  if (/SENT/.test(event)) {
    await moveLead(ctx, actor, lead.id, lead.status, "email_sent", "PlusVibe sent an email");
    return { handled: true, event: "sent" };
  }
  return { handled: false, reason: `event "${event}" is not used` };
}
