import { asc, eq, or, sql } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { workspaces } from "../../db/schema";
import type { Actor, AppContext } from "../context";

/** The CLI runs with machine access: it acts as an owner of the chosen (or only) workspace. */
export async function actorForCli(ctx: AppContext, workspace?: string): Promise<Actor> {
  const isUuid = !!workspace && /^[0-9a-f-]{36}$/i.test(workspace);
  const rows = await ctx.db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaces)
    .where(
      workspace
        ? or(
            isUuid ? eq(workspaces.id, workspace) : sql`false`,
            sql`lower(${workspaces.name}) = lower(${workspace})`,
          )
        : undefined,
    )
    .orderBy(asc(workspaces.createdAt));
  if (!rows.length)
    throw new AppError(
      "not_found",
      workspace ? `no workspace "${workspace}"` : "no workspace yet: run `overture init` first",
    );
  if (rows.length > 1)
    throw new AppError(
      "validation",
      `several workspaces exist; choose one with --workspace (${rows.map((r) => r.name).join(", ")})`,
    );
  return { workspaceId: rows[0]!.id, userId: null, role: "owner", via: "cli", label: "CLI" };
}
