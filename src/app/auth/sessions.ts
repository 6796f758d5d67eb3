import { and, eq, gt } from "drizzle-orm";
import { memberships, sessions, users, workspaces } from "../../db/schema";
import { AppError } from "../../domain/appError";
import type { Actor, AppContext } from "../context";
import { newToken, sha256 } from "../security/tokens";
import { noteSignInDevice, type SignInClient } from "./knownDevices";
import { verifyPassword } from "./passwords";
import { assertSignInAllowed, noteSignInFailure, noteSignInSuccess } from "./signInThrottle";

export const SESSION_DAYS = 14;

export async function createSession(ctx: AppContext, userId: string, workspaceId: string) {
  const token = newToken("ovs");
  const expiresAt = new Date(ctx.clock.now().getTime() + SESSION_DAYS * 86_400_000);
  await ctx.db.insert(sessions).values({ tokenHash: sha256(token), userId, workspaceId, expiresAt });
  return { token, expiresAt };
}

/** Same message for unknown email and wrong password, so login does not reveal who has an account. */
export async function login(ctx: AppContext, rawEmail: string, password: string, client?: SignInClient) {
  const email = rawEmail.trim().toLowerCase();
  const ip = client?.ip ?? "unknown";
  // Unknown emails count too, so guessing does not tell which accounts exist.
  await assertSignInAllowed(ctx, email, ip);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    await noteSignInFailure(ctx, email, ip);
    throw new AppError("unauthenticated", "email or password is incorrect");
  }
  await noteSignInSuccess(ctx, email);
  const [m] = await ctx.db.select().from(memberships).where(eq(memberships.userId, user.id)).limit(1);
  if (!m) throw new AppError("forbidden", "this account belongs to no workspace");
  const deviceToken = client ? await noteSignInDevice(ctx, user, m.workspaceId, client) : undefined;
  return { ...(await createSession(ctx, user.id, m.workspaceId)), deviceToken };
}

export async function logout(ctx: AppContext, token: string) {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function actorFromSession(ctx: AppContext, token: string): Promise<Actor | null> {
  const [row] = await ctx.db
    .select({ s: sessions, role: memberships.role, email: users.email })
    .from(sessions)
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.workspaceId, sessions.workspaceId)),
    )
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, ctx.clock.now())));
  if (!row) return null;
  return {
    workspaceId: row.s.workspaceId,
    userId: row.s.userId,
    role: row.role,
    via: "session",
    label: row.email,
  };
}

/** Moves a session to another workspace the same user belongs to. */
export async function switchWorkspace(ctx: AppContext, token: string, actor: Actor, workspaceId: string) {
  if (!actor.userId) throw new AppError("forbidden", "only signed-in users switch workspaces");
  const [m] = await ctx.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, actor.userId), eq(memberships.workspaceId, workspaceId)));
  if (!m) throw new AppError("not_found", "no such workspace among yours");
  await ctx.db
    .update(sessions)
    .set({ workspaceId })
    .where(eq(sessions.tokenHash, sha256(token)));
}

export async function describeActor(ctx: AppContext, actor: Actor) {
  const mine = actor.userId
    ? await ctx.db
        .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
        .from(memberships)
        .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
        .where(eq(memberships.userId, actor.userId))
    : [];
  const user = actor.userId
    ? (
        await ctx.db
          .select({ id: users.id, email: users.email, name: users.name })
          .from(users)
          .where(eq(users.id, actor.userId))
      )[0]
    : null;
  return {
    user: user ?? null,
    workspaceId: actor.workspaceId,
    role: actor.role,
    via: actor.via,
    workspaces: mine,
  };
}
