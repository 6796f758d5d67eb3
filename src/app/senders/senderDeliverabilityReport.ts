import { eq } from "drizzle-orm";
import { IANAZone } from "luxon";
import { senderDailyActivity } from "../../db/queries/deliverabilityQueries";
import { workspaces } from "../../db/schema";
import {
  CHARTED_BOUNCES,
  deliverabilityDays,
  lastDays,
  rampCurve,
} from "../../domain/deliverability/senderDeliverability";
import type { Actor, AppContext } from "../context";
import { getSenderRow } from "../outreach/senderAccounts";
import { getSenderDomainCheck } from "./checkSenderDomain";

const DAYS = 30;

/**
 * One sender's deliverability page: the last 30 days (in the workspace's time zone) of sends,
 * bounces by class, complaints and replies, its warm-up curve, and its last domain check.
 */
export async function senderDeliverabilityReport(ctx: AppContext, actor: Actor, senderId: string) {
  const sender = await getSenderRow(ctx, actor.workspaceId, senderId);
  const [ws] = await ctx.db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, actor.workspaceId));
  const zone = ws && IANAZone.isValidZone(ws.timezone) ? ws.timezone : "UTC";
  const nowMs = ctx.clock.now().getTime();
  const days = lastDays(nowMs, zone, DAYS);
  // From a day before the window's first local midnight: the edges are dropped by day name.
  const since = new Date(Date.parse(`${days[0]}T00:00:00Z`) - 86_400_000);
  const activity = await senderDailyActivity(ctx.db, actor.workspaceId, sender.id, since, zone);
  const series = deliverabilityDays(days, activity);
  const sum = (f: (d: (typeof series)[number]) => number) => series.reduce((a, d) => a + f(d), 0);
  return {
    sender: {
      id: sender.id,
      name: sender.name,
      fromEmail: sender.fromEmail,
      kind: sender.kind,
      pausedAt: sender.pausedAt,
      pausedReason: sender.pausedReason,
    },
    timezone: zone,
    days: series,
    totals: {
      sent: sum((d) => d.sent),
      bounced: sum((d) => CHARTED_BOUNCES.reduce((n, c) => n + d.bounced[c], 0)),
      complaints: sum((d) => d.complaints),
      replies: sum((d) => d.replies),
    },
    ramp: rampCurve(
      {
        dailyCap: sender.dailyCap,
        rampStartCap: sender.rampStartCap,
        rampPerDay: sender.rampPerDay,
        createdAtMs: sender.createdAt.getTime(),
      },
      nowMs,
      zone,
    ),
    domainCheck: await getSenderDomainCheck(ctx, actor, sender.id),
  };
}
