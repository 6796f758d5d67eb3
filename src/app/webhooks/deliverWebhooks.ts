import { sql } from "drizzle-orm";
import { signWebhook, webhookRetryDelayMs } from "../../domain/webhooks/webhookSignature";
import { queryRows } from "../../db/client";
import type { AppContext } from "../context";
import { safeFetch } from "../net/safeFetch";

type Due = {
  id: string;
  webhook_id: string;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: string;
  url: string;
  secret_enc: string;
};

/**
 * Delivers due webhook events: claims a batch (SKIP LOCKED, so workers share the work) by pushing
 * its next attempt past a lease, commits, then POSTs each through the SSRF-guarded fetcher with an
 * HMAC signature. A 2xx is delivered; anything else is retried with backoff, then marked failed.
 * Delivery is at least once: receivers dedupe on the `Overture-Delivery` id.
 */
export async function deliverDueWebhooks(ctx: AppContext, limit = 20): Promise<number> {
  const now = ctx.clock.now();
  const due = await queryRows<Due>(
    ctx.db,
    sql`with due as (
          select d.id from webhook_deliveries d
          where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
          order by d.next_attempt_at limit ${limit} for update skip locked)
        update webhook_deliveries d set attempts = d.attempts + 1,
          next_attempt_at = ${new Date(now.getTime() + 120_000).toISOString()}::timestamptz
        from due, webhooks w where d.id = due.id and w.id = d.webhook_id
        returning d.id, d.webhook_id, d.event, d.payload, d.attempts, d.created_at, w.url, w.secret_enc`,
  );
  await Promise.all(
    due.map(async (d) => {
      const body = JSON.stringify({
        id: d.id,
        event: d.event,
        createdAt: new Date(d.created_at).toISOString(),
        data: d.payload,
      });
      const t = Math.floor(ctx.clock.now().getTime() / 1000);
      let code: number | null = null;
      let error: string | null = null;
      try {
        const res = await safeFetch(d.url, {
          method: "POST",
          body,
          allowPrivate: ctx.config.fetchAllowPrivate,
          timeoutMs: 10_000,
          maxBytes: 10_000,
          headers: {
            "content-type": "application/json",
            "user-agent": "Overture-Webhooks/1.0",
            "overture-event": d.event,
            "overture-delivery": d.id,
            "overture-signature": signWebhook(ctx.secrets.decrypt(d.secret_enc), body, t),
          },
        });
        code = res.status;
        if (res.status < 200 || res.status >= 300) error = `the receiver answered HTTP ${res.status}`;
      } catch (e) {
        error = (e as Error).message;
      }
      const at = ctx.clock.now();
      const wait = error ? webhookRetryDelayMs(d.attempts) : null;
      await ctx.db.execute(sql`update webhook_deliveries set
          status = ${error ? (wait === null ? "failed" : "pending") : "delivered"},
          last_status_code = ${code}, last_error = ${error},
          delivered_at = ${error ? null : at.toISOString()}::timestamptz,
          next_attempt_at = ${new Date(at.getTime() + (wait ?? 0)).toISOString()}::timestamptz
        where id = ${d.id}::uuid`);
    }),
  );
  return due.length;
}

/** Delivers batches while there are due events, for at most `budgetMs` (the loop comes back soon). */
export async function drainWebhooks(ctx: AppContext, budgetMs = 3_000): Promise<number> {
  const started = performance.now();
  let total = 0;
  for (;;) {
    const n = await deliverDueWebhooks(ctx, 50);
    total += n;
    if (n < 50 || performance.now() - started > budgetMs) return total;
  }
}
