import { describe, expect, it } from "vitest";
import { can, canAssignRole } from "./roles";

describe("roles", () => {
  it.each([
    ["member", "work", true],
    ["member", "manage_workspace", false],
    ["admin", "manage_members", true],
    ["admin", "manage_owners", false],
    ["owner", "manage_owners", true],
  ] as const)("%s can %s = %s", (role, perm, expected) => {
    expect(can(role, perm)).toBe(expected);
  });

  it.each([
    ["admin", "member", "admin", true],
    ["admin", null, "owner", false],
    ["admin", "owner", "member", false],
    ["owner", "owner", "admin", true],
    ["member", "member", "admin", false],
  ] as const)("%s changing %s to %s = %s", (actor, current, next, expected) => {
    expect(canAssignRole(actor, current, next)).toBe(expected);
  });
});
