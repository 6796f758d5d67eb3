import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { ask } from "../../components/confirm";

const EVENTS = [
  ["lead.replied", "A lead replied"],
  ["lead.bounced", "An email bounced"],
  ["lead.unsubscribed", "A lead unsubscribed"],
  ["lead.status_changed", "A lead's status changed"],
  ["message.sent", "A message was sent"],
  ["message.opened", "An email was opened"],
  ["message.clicked", "A link was clicked"],
  ["sender.paused", "A sender paused itself (bounces or complaints)"],
] as const;

type Event = (typeof EVENTS)[number][0];
const hooksKey = ["/api/webhooks"];
const deliveriesKey = "/api/webhooks/{id}/deliveries";

/** Outbound webhooks: register URLs for events, see the signing secret once, and read the delivery log. */
export function WebhooksSettings({ canEdit }: { canEdit: boolean }) {
  const hooks = useQuery({
    queryKey: hooksKey,
    queryFn: () => data(client.GET("/api/webhooks")),
    meta: { inline: true },
  });
  const [form, setForm] = useState({ url: "", description: "", events: ["lead.replied"] as Event[] });
  const [open, setOpen] = useState<string | null>(null);
  const opts = { inline: true, invalidate: [hooksKey] };
  const add = useAction(() => data(client.POST("/api/webhooks", { body: form })), {
    ...opts,
    onSuccess: () => setForm({ ...form, url: "", description: "" }),
  });
  // Ping, pause/resume, remove: the call to make for one webhook.
  const act = useAction((fn: () => Promise<unknown>) => fn(), {
    ...opts,
    invalidate: [hooksKey, [deliveriesKey]],
  });
  const path = (id: string) => ({ params: { path: { id } } });
  function submit(e: FormEvent) {
    e.preventDefault();
    act.reset();
    add.mutate();
  }
  const toggle = (ev: Event) =>
    setForm({
      ...form,
      events: form.events.includes(ev) ? form.events.filter((x) => x !== ev) : [...form.events, ev],
    });

  return (
    <div className="stack">
      <p className="muted">
        Overture POSTs each event as JSON to your URL, signed: the <code>Overture-Signature</code> header is{" "}
        <code>t=&lt;unix time&gt;,v1=&lt;HMAC-SHA256 of "t.body" with your secret&gt;</code>. Failed
        deliveries are retried with backoff for about 19 hours.
      </p>
      {add.data && (
        <p className="ok" role="status">
          Signing secret (shown once, keep it safe): <code>{add.data.secret}</code>
        </p>
      )}
      <ErrorNote error={add.error?.message ?? act.error?.message ?? hooks.error?.message ?? null} />
      {(hooks.data ?? []).map((h) => (
        <div key={h.id} className="card stack">
          <div className="row-between">
            <div>
              <strong>{h.url}</strong>{" "}
              {h.description && <span className="muted small">— {h.description}</span>}
              <div className="small muted">{h.events.join(", ")}</div>
            </div>
            <div className="actions">
              <span className={`badge ${h.active ? "state-ready" : ""}`}>
                {h.active ? "Active" : "Paused"}
              </span>
              {canEdit && (
                <>
                  <button
                    type="button"
                    disabled={act.isPending}
                    onClick={() => act.mutate(() => data(client.POST("/api/webhooks/{id}/ping", path(h.id))))}
                  >
                    Send test event
                  </button>
                  <button
                    type="button"
                    disabled={act.isPending}
                    onClick={() =>
                      act.mutate(() =>
                        data(
                          client.PATCH("/api/webhooks/{id}", { ...path(h.id), body: { active: !h.active } }),
                        ),
                      )
                    }
                  >
                    {h.active ? "Pause" : "Resume"}
                  </button>
                  <button
                    type="button"
                    className="danger-btn"
                    disabled={act.isPending}
                    onClick={async () =>
                      (await ask({
                        title: "Remove this webhook?",
                        body: `Deliveries to ${h.url} stop and its delivery log is deleted.`,
                        confirm: "Remove webhook",
                        danger: true,
                      })) && act.mutate(() => data(client.DELETE("/api/webhooks/{id}", path(h.id))))
                    }
                  >
                    Remove
                  </button>
                </>
              )}
              <button
                type="button"
                aria-expanded={open === h.id}
                onClick={() => setOpen(open === h.id ? null : h.id)}
              >
                Delivery log
              </button>
            </div>
          </div>
          {open === h.id && <DeliveryLog hookId={h.id} canEdit={canEdit} />}
        </div>
      ))}
      {hooks.data && !hooks.data.length && <p className="muted">No webhooks yet.</p>}
      {canEdit ? (
        <form className="card form-grid" onSubmit={submit}>
          <h3>New webhook</h3>
          <Field label="URL" hint="A public https:// address that accepts POST requests.">
            <input
              required
              type="url"
              value={form.url}
              placeholder="https://example.com/overture-events"
              onChange={(e) => setForm({ ...form, url: e.target.value })}
            />
          </Field>
          <Field label="Description">
            <input
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          </Field>
          <fieldset className="checks">
            <legend>Events</legend>
            {EVENTS.map(([ev, label]) => (
              <label key={ev} className="check">
                <input type="checkbox" checked={form.events.includes(ev)} onChange={() => toggle(ev)} />{" "}
                {label} <code className="small">{ev}</code>
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button className="primary" type="submit" disabled={!form.events.length || add.isPending}>
              Add webhook
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">Only owners and admins manage webhooks.</p>
      )}
    </div>
  );
}

function DeliveryLog({ hookId, canEdit }: { hookId: string; canEdit: boolean }) {
  const key = [deliveriesKey, hookId];
  const log = useQuery({
    queryKey: key,
    queryFn: () =>
      data(
        client.GET("/api/webhooks/{id}/deliveries", {
          params: { path: { id: hookId }, query: { limit: 50 } },
        }),
      ),
    refetchInterval: 3000,
    meta: { inline: true },
  });
  const redeliver = useAction(
    (id: string) => data(client.POST("/api/webhook-deliveries/{id}/redeliver", { params: { path: { id } } })),
    { inline: true, invalidate: [key] },
  );
  const rows = log.data;
  const error = <ErrorNote error={redeliver.error?.message ?? log.error?.message ?? null} />;
  if (!rows) return error;
  if (!rows.length)
    return (
      <>
        {error}
        <p className="muted small">Nothing delivered yet.</p>
      </>
    );
  return (
    <>
      {error}
      <table className="table small">
        <thead>
          <tr>
            <th>Event</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Last answer</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <td>
                <code>{d.event}</code>
              </td>
              <td>
                <span
                  className={`badge ${d.status === "delivered" ? "state-ready" : d.status === "failed" ? "state-blocking" : ""}`}
                >
                  {d.status}
                </span>
                {d.status === "pending" && d.attempts > 0 && (
                  <span className="muted"> · next try {new Date(d.nextAttemptAt).toLocaleTimeString()}</span>
                )}
              </td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "—")}</td>
              <td>{new Date(d.createdAt).toLocaleString()}</td>
              <td>
                {canEdit && d.status !== "pending" && (
                  <button
                    type="button"
                    className="link"
                    disabled={redeliver.isPending}
                    onClick={() => redeliver.mutate(d.id)}
                  >
                    Redeliver
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
