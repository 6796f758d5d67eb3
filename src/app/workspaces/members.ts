import { and, asc, eq } from "drizzle-orm";
import { memberships, sessions, users } from "../../db/schema";
import { AppError } from "../../domain/appError";
import { can, canAssignRole, type Role } from "../../domain/roles";
import { assertPasswordAcceptable, hashPassword } from "../auth/passwords";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import type { Actor, AppContext } from "../context";

export async function listMembers(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, actor.workspaceId))
    .orderBy(asc(memberships.createdAt));
}

async function roleOf(ctx: AppContext, workspaceId: string, userId: string): Promise<Role | null> {
  const [m] = await ctx.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}

/**
 * Adds a person by email. New people get an account with the initial password the admin chose
 * (self-hosted: no outbound mail is assumed for invitations); existing accounts are just added.
 */
export async function addMember(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; name?: string; role: Role; password?: string },
) {
  if (!canAssignRole(actor.role, null, input.role))
    throw new AppError("forbidden", `your role cannot add a ${input.role}`);
  const email = input.email.trim().toLowerCase();
  let [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  if (!user) {
    if (!input.password)
      throw new AppError("validation", "a new member needs an initial password", { field: "password" });
    await assertPasswordAcceptable(input.password, [email, input.name ?? ""]);
    [user] = await ctx.db
      .insert(users)
      .values({ email, name: input.name ?? "", passwordHash: await hashPassword(input.password) })
      .returning();
  }
  if (await roleOf(ctx, actor.workspaceId, user!.id))
    throw new AppError("conflict", "already a member", { field: "email" });
  await ctx.db
    .insert(memberships)
    .values({ workspaceId: actor.workspaceId, userId: user!.id, role: input.role });
  await recordAuditEvent(ctx, actor, "member.added", email, { role: input.role });
  return { userId: user!.id, email, role: input.role };
}

async function ownersLeft(ctx: AppContext, workspaceId: string) {
  const rows = await ctx.db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
  return rows.length;
}

export async function changeMemberRole(ctx: AppContext, actor: Actor, userId: string, role: Role) {
  const current = await roleOf(ctx, actor.workspaceId, userId);
  if (!current) throw new AppError("not_found", "no such member in this workspace");
  if (!canAssignRole(actor.role, current, role))
    throw new AppError("forbidden", "your role cannot make this change");
  if (current === "owner" && role !== "owner" && (await ownersLeft(ctx, actor.workspaceId)) <= 1)
    throw new AppError("conflict", "a workspace needs at least one owner");
  await ctx.db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
  if (current !== role)
    await recordAuditEvent(ctx, actor, "member.role_changed", await emailOf(ctx, userId), {
      from: current,
      to: role,
    });
  return { userId, role };
}

export async function removeMember(ctx: AppContext, actor: Actor, userId: string) {
  const current = await roleOf(ctx, actor.workspaceId, userId);
  if (!current) throw new AppError("not_found", "no such member in this workspace");
  if (!can(actor.role, "manage_members") || (current === "owner" && !can(actor.role, "manage_owners")))
    throw new AppError("forbidden", "your role cannot remove this member");
  if (current === "owner" && (await ownersLeft(ctx, actor.workspaceId)) <= 1)
    throw new AppError("conflict", "a workspace needs at least one owner");
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.workspaceId, actor.workspaceId), eq(sessions.userId, userId)));
  });
  await recordAuditEvent(ctx, actor, "member.removed", await emailOf(ctx, userId), { role: current });
}

async function emailOf(ctx: AppContext, userId: string) {
  const [u] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return u?.email ?? userId;
}
