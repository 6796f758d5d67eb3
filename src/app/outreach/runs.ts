import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { filterPlays, findPlay, type Play, playLibrary } from "../../domain/plays/playLibrary";
import { plays, runs } from "../../db/schema";
import type { Actor, AppContext } from "../context";

export async function listPlays(
  ctx: AppContext,
  actor: Actor,
  f: { category?: string; relationship?: string; channel?: string; q?: string },
) {
  const own = await ctx.db.select().from(plays).where(eq(plays.workspaceId, actor.workspaceId));
  const custom = own.map((p) => ({
    ...(p.definition as unknown as Play),
    key: p.id,
    name: p.name,
    builtIn: false,
  }));
  return filterPlays([...playLibrary.map((p) => ({ ...p, builtIn: true })), ...custom], f);
}

export async function createPlay(ctx: AppContext, actor: Actor, p: Omit<Play, "key">) {
  const [row] = await ctx.db
    .insert(plays)
    .values({
      workspaceId: actor.workspaceId,
      name: p.name,
      definition: p as unknown as Record<string, unknown>,
    })
    .returning();
  return { ...p, key: row!.id, builtIn: false };
}

export async function resolvePlay(ctx: AppContext, actor: Actor, key: string): Promise<Play> {
  const builtIn = findPlay(key);
  if (builtIn) return builtIn;
  if (/^[0-9a-f-]{36}$/.test(key)) {
    const [row] = await ctx.db
      .select()
      .from(plays)
      .where(and(eq(plays.id, key), eq(plays.workspaceId, actor.workspaceId)));
    if (row) return { ...(row.definition as unknown as Play), key: row.id, name: row.name };
  }
  throw new AppError("not_found", `no play ${key}`, { field: "playKey" });
}

export async function createRun(ctx: AppContext, actor: Actor, input: { name: string; playKey: string }) {
  await resolvePlay(ctx, actor, input.playKey);
  const [r] = await ctx.db
    .insert(runs)
    .values({
      workspaceId: actor.workspaceId,
      name: input.name.trim(),
      playKey: input.playKey,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return r!;
}

/** The workspace's runs, newest first; archived ones only when asked for. */
export async function listRuns(ctx: AppContext, actor: Actor, archived = false) {
  return ctx.db
    .select()
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, actor.workspaceId),
        archived ? isNotNull(runs.archivedAt) : isNull(runs.archivedAt),
      ),
    )
    .orderBy(desc(runs.createdAt));
}

export async function getRun(ctx: AppContext, actor: Actor, id: string) {
  const [r] = await ctx.db
    .select()
    .from(runs)
    .where(and(eq(runs.id, id), eq(runs.workspaceId, actor.workspaceId)));
  if (!r) throw new AppError("not_found", "no such run in this workspace");
  return r;
}

const allowed: Record<string, string[]> = {
  draft: ["active"],
  active: ["paused", "completed"],
  paused: ["active", "completed"],
  completed: [],
};

/** Draft → Active → Paused ⇄ Active → Completed. The play can be swapped only while in draft. */
export async function updateRun(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: { name?: string; playKey?: string; status?: "draft" | "active" | "paused" | "completed" },
) {
  const run = await getRun(ctx, actor, id);
  if (patch.playKey && patch.playKey !== run.playKey) {
    if (run.status !== "draft")
      throw new AppError("conflict", "the play is locked once the run has started", { field: "playKey" });
    await resolvePlay(ctx, actor, patch.playKey);
  }
  if (patch.status && patch.status !== run.status && !allowed[run.status]!.includes(patch.status))
    throw new AppError("conflict", `a ${run.status} run cannot become ${patch.status}`, { field: "status" });
  const [r] = await ctx.db
    .update(runs)
    .set({
      ...(patch.name ? { name: patch.name.trim() } : {}),
      ...(patch.playKey ? { playKey: patch.playKey } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.status === "active" && !run.activatedAt ? { activatedAt: ctx.clock.now() } : {}),
    })
    .where(eq(runs.id, id))
    .returning();
  return r!;
}
