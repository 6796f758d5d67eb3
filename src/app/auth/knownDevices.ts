import { and, eq } from "drizzle-orm";
import { knownDevices } from "../../db/schema";
import { recordAuditEvent } from "../auditLog/recordAuditEvent";
import type { AppContext } from "../context";
import { newToken, sha256 } from "../security/tokens";

export const DEVICE_COOKIE = "ov_device";

export type SignInClient = { deviceToken?: string; ip: string; userAgent?: string };

/**
 * Remembers the browser a user signs in from (a random cookie, stored hashed). A sign-in from a
 * browser without a cookie this user has used before is put on the workspace's audit log, so an
 * owner sees a stolen password being used. Returns the device token the cookie should hold.
 */
export async function noteSignInDevice(
  ctx: AppContext,
  user: { id: string; email: string },
  workspaceId: string,
  client: SignInClient,
): Promise<string> {
  const now = ctx.clock.now();
  const token = client.deviceToken && client.deviceToken.length <= 100 ? client.deviceToken : newToken("ovd");
  const hash = sha256(token);
  const seen = await ctx.db
    .update(knownDevices)
    .set({ lastSeenAt: now })
    .where(and(eq(knownDevices.userId, user.id), eq(knownDevices.deviceHash, hash)))
    .returning({ userId: knownDevices.userId });
  if (seen.length) return token;
  await ctx.db
    .insert(knownDevices)
    .values({ userId: user.id, deviceHash: hash, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoNothing();
  await recordAuditEvent(ctx, { workspaceId, label: user.email }, "sign_in.new_device", user.email, {
    ip: client.ip,
    userAgent: (client.userAgent ?? "").slice(0, 300),
  });
  return token;
}
