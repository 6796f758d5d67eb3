import { and, eq, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { type LinkedInLimits, parseLinkedInLimits } from "../../domain/linkedin/linkedinBudget";
import { can } from "../../domain/roles";
import type { Db } from "../../db/client";
import { integrations } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import type { UnipileSettings } from "../../providers/unipileClient";

/** A workspace's LinkedIn account as the scheduler and the integration screens see it. */
export type LinkedInAccount = UnipileSettings & {
  ownProviderId: string;
  /** "ok", "error" (the last check failed) or "paused" (LinkedIn restricted it, or its credentials failed). */
  status: string;
  pausedReason: string | null;
  limits: LinkedInLimits;
  lastPolledAt: string | null;
};

const text = (v: unknown) => (typeof v === "string" ? v : "");

export async function linkedinAccountOf(
  ctx: Pick<AppContext, "secrets"> & { db: Pick<Db, "select"> },
  workspaceId: string,
): Promise<LinkedInAccount | null> {
  const [row] = await ctx.db
    .select()
    .from(integrations)
    .where(and(eq(integrations.workspaceId, workspaceId), eq(integrations.kind, "unipile")));
  if (!row) return null;
  const st = row.settings;
  let limits: LinkedInLimits;
  try {
    limits = parseLinkedInLimits(st.limits ?? {});
  } catch {
    limits = parseLinkedInLimits({});
  }
  return {
    apiKey: ctx.secrets.decrypt(row.secretEnc),
    dsn: text(st.dsn),
    accountId: text(st.accountId),
    ownProviderId: text(st.ownProviderId),
    status: text(st.status) || "unknown",
    pausedReason: text(st.pausedReason) || null,
    limits,
    lastPolledAt: text(st.lastPolledAt) || null,
  };
}

/** Merges keys into the stored settings (jsonb `||`), leaving the others as they are. */
export async function patchLinkedInSettings(
  db: Pick<Db, "execute">,
  workspaceId: string,
  patch: Record<string, unknown>,
  now: Date,
) {
  await db.execute(sql`update integrations set settings = settings || ${JSON.stringify(patch)}::jsonb,
      updated_at = ${now.toISOString()}::timestamptz
    where workspace_id = ${workspaceId}::uuid and kind = 'unipile'`);
}

/**
 * Stops every LinkedIn action of the account until a person has looked: LinkedIn restricts accounts
 * that keep acting after a warning, so one restriction or credentials error is enough.
 */
export async function pauseLinkedInAccount(ctx: AppContext, workspaceId: string, reason: string) {
  await patchLinkedInSettings(
    ctx.db,
    workspaceId,
    { status: "paused", pausedReason: reason, pausedAt: ctx.clock.now().toISOString() },
    ctx.clock.now(),
  );
  ctx.log.warn({ workspaceId, reason }, "LinkedIn account paused");
}

/** The account's budgets: only what is given changes; bad values get a 400 naming the field. */
export async function setLinkedInLimits(ctx: AppContext, actor: Actor, input: Partial<LinkedInLimits>) {
  if (!can(actor.role, "manage_workspace"))
    throw new AppError("forbidden", "only owners and admins change the LinkedIn limits");
  const account = await linkedinAccountOf(ctx, actor.workspaceId);
  if (!account) throw new AppError("integration_missing", "connect a LinkedIn account first");
  let limits: LinkedInLimits;
  try {
    limits = parseLinkedInLimits({ ...account.limits, ...input });
  } catch (e) {
    throw new AppError("validation", (e as Error).message);
  }
  await patchLinkedInSettings(ctx.db, actor.workspaceId, { limits }, ctx.clock.now());
  return limits;
}
