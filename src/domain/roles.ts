export const roles = ["owner", "admin", "member"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { member: 0, admin: 1, owner: 2 };

/** Everyone can work with leads and runs; admins manage settings, keys and members; owners own. */
export type Permission = "work" | "manage_workspace" | "manage_members" | "manage_owners";

const needed: Record<Permission, Role> = {
  work: "member",
  manage_workspace: "admin",
  manage_members: "admin",
  manage_owners: "owner",
};

export function can(role: Role, permission: Permission): boolean {
  return rank[role] >= rank[needed[permission]];
}

/** An admin may not promote anyone to owner nor touch an owner; only owners can. */
export function canAssignRole(actor: Role, targetCurrent: Role | null, next: Role): boolean {
  if (!can(actor, "manage_members")) return false;
  if ((next === "owner" || targetCurrent === "owner") && !can(actor, "manage_owners")) return false;
  return true;
}
