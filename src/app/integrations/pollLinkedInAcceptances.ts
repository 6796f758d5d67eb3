import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client";
import type { AppContext } from "../context";
import { recordAcceptances } from "./linkedinAcceptance";
import { linkedinAccountOf, patchLinkedInSettings, pauseLinkedInAccount } from "./linkedinAccount";
import { refusalOf, unipileClient } from "../../providers/unipileClient";

const MAX_PAGES = 10;

/**
 * The fallback for acceptances the webhook did not report (LinkedIn can take hours to tell, and a
 * webhook can be missed): every LINKEDIN_POLL_MINUTES, each connected account's relations are read,
 * newest first, back to the oldest invitation still waiting, and matched to invited leads by profile.
 */
export async function pollLinkedInAcceptances(
  ctx: AppContext,
  o: { force?: boolean; workspaceId?: string } = {},
) {
  const every = ctx.config.linkedinPollMinutes * 60_000;
  if (!every && !o.force) return 0;
  const now = ctx.clock.now();
  const workspaces = await queryRows<{ workspace_id: string }>(
    ctx.db,
    sql`select workspace_id from integrations where kind = 'unipile' and coalesce(settings->>'status', '') <> 'paused'`,
  );
  let found = 0;
  for (const { workspace_id: workspaceId } of workspaces) {
    if (o.workspaceId && workspaceId !== o.workspaceId) continue;
    const account = await linkedinAccountOf(ctx, workspaceId);
    if (!account) continue;
    if (!o.force && account.lastPolledAt && now.getTime() - Date.parse(account.lastPolledAt) < every)
      continue;
    await patchLinkedInSettings(ctx.db, workspaceId, { lastPolledAt: now.toISOString() }, now);
    // Invited, not yet accepted, by LinkedIn identity.
    const pending = await queryRows<{ id: string; linkedin_key: string; invited: string }>(
      ctx.db,
      sql`select l.id, l.linkedin_key, min(m.claimed_at) as invited from messages m join leads l on l.id = m.lead_id
          where m.workspace_id = ${workspaceId}::uuid and m.channel = 'linkedin_invite' and m.status in ('sent', 'uncertain')
            and l.linkedin_key is not null
            and not exists (select 1 from lead_events ev where ev.lead_id = l.id and ev.type = 'invitation_accepted')
          group by l.id, l.linkedin_key`,
    );
    if (!pending.length) continue;
    const byKey = new Map(pending.map((p) => [p.linkedin_key, p.id]));
    const oldest = Math.min(...pending.map((p) => new Date(p.invited).getTime()));
    const accepted: { leadId: string; providerId: string }[] = [];
    try {
      const client = unipileClient(ctx, account);
      let cursor: string | null | undefined = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const r = await client.relations(cursor);
        let older = false;
        for (const item of r.items ?? []) {
          const slug = String(item.public_identifier ?? "").toLowerCase();
          const leadId = slug ? byKey.get(`li:${slug}`) : undefined;
          if (leadId) accepted.push({ leadId, providerId: String(item.member_id ?? item.provider_id ?? "") });
          const created = Number(item.created_at) || Date.parse(String(item.created_at ?? ""));
          if (created && created < oldest) older = true;
        }
        cursor = r.cursor;
        if (older || !cursor) break;
      }
    } catch (e) {
      if (refusalOf(e)?.pauseAccount) await pauseLinkedInAccount(ctx, workspaceId, (e as Error).message);
      else ctx.log.warn({ err: e, workspaceId }, "LinkedIn relations could not be read");
      // Someone pressed "check now": they get the error, not a misleading "0 found".
      if (o.workspaceId) throw e;
    }
    found += await recordAcceptances(ctx, workspaceId, accepted, "polling");
  }
  return found;
}
