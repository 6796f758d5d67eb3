import { count, eq } from "drizzle-orm";
import { memberships, users, workspaces } from "../../db/schema";
import { AppError } from "../../domain/appError";
import type { AppContext } from "../context";
import { createApiKey } from "./apiKeys";
import { assertPasswordAcceptable, hashPassword, verifyPassword } from "./passwords";

export type SetupInput = {
  workspaceName: string;
  email: string;
  password: string;
  name?: string;
  timezone?: string;
};

export async function needsSetup(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Creates a workspace with its owner. The web setup page may only do this on first run; the CLI
 * (`overture init`, run by whoever holds the machine) may add more workspaces later. An existing
 * user is added as owner only if the password matches, so the CLI can't hijack an account.
 */
export async function setupWorkspace(
  ctx: AppContext,
  input: SetupInput,
  opts: { firstRunOnly: boolean; withApiKey?: boolean },
) {
  const email = input.email.trim().toLowerCase();
  if (opts.firstRunOnly && !(await needsSetup(ctx)))
    throw new AppError("setup_done", "setup has already been completed; sign in instead");
  const existing = await ctx.db.select().from(users).where(eq(users.email, email));
  let user = existing[0];
  // An existing account keeps its password (it must match below); a new one must be strong.
  if (!user) await assertPasswordAcceptable(input.password, [email, input.workspaceName, input.name ?? ""]);
  if (user && !(await verifyPassword(user.passwordHash, input.password)))
    throw new AppError("conflict", "a user with this email exists and the password does not match", {
      field: "email",
    });
  const passwordHash = user ? user.passwordHash : await hashPassword(input.password);
  const result = await ctx.db.transaction(async (tx) => {
    if (!user)
      [user] = await tx
        .insert(users)
        .values({ email, passwordHash, name: input.name ?? "" })
        .returning();
    const [ws] = await tx
      .insert(workspaces)
      .values({ name: input.workspaceName.trim(), timezone: input.timezone ?? "UTC" })
      .returning();
    await tx.insert(memberships).values({ workspaceId: ws!.id, userId: user!.id, role: "owner" });
    return { workspace: ws!, user: user! };
  });
  const apiKey = opts.withApiKey
    ? await createApiKey(
        ctx,
        {
          workspaceId: result.workspace.id,
          userId: result.user.id,
          role: "owner",
          via: "cli",
          label: email,
        },
        "init",
      )
    : null;
  return { workspace: result.workspace, user: { id: result.user.id, email: result.user.email }, apiKey };
}
