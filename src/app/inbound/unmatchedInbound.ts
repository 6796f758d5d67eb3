import { unmatchedInbound } from "../../db/queries/inboundQueries";
import type { Actor, AppContext } from "../context";

/**
 * The inbox's "unmatched" view: mail that reached a sender's inbox but matched none of our leads
 * (a bounce for an address we no longer know, a reply from a colleague's new address). Kept so a
 * person can read it; nothing acts on it by itself.
 */
export function listUnmatchedInbound(ctx: AppContext, actor: Actor, q: { limit?: number; offset?: number }) {
  return unmatchedInbound(ctx.db, actor.workspaceId, q.limit ?? 50, q.offset ?? 0);
}
