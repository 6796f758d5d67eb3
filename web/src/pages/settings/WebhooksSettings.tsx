import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api } from "../../api";
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

type Hook = {
  id: string;
  url: string;
  description: string;
  events: string[];
  active: boolean;
  createdAt: string;
};
type Delivery = {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
};

/** Outbound webhooks: register URLs for events, see the signing secret once, and read the delivery log. */
export function WebhooksSettings({ canEdit }: { canEdit: boolean }) {
  const [hooks, setHooks] = useState<Hook[]>([]);
  const [form, setForm] = useState({ url: "", description: "", events: ["lead.replied"] as string[] });
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () => api<Hook[]>("GET", "/api/webhooks").then(setHooks, (e) => setError(e.message)),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  async function add(e: FormEvent) {
    e.preventDefault();
    await act(async () => {
      const r = await api<{ secret: string }>("POST", "/api/webhooks", form);
      setSecret(r.secret);
      setForm({ ...form, url: "", description: "" });
    });
  }
  const toggle = (ev: string) =>
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
      {secret && (
        <p className="ok" role="status">
          Signing secret (shown once, keep it safe): <code>{secret}</code>
        </p>
      )}
      <ErrorNote error={error} />
      {hooks.map((h) => (
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
                  <button type="button" onClick={() => act(() => api("POST", `/api/webhooks/${h.id}/ping`))}>
                    Send test event
                  </button>
                  <button
                    type="button"
                    onClick={() => act(() => api("PATCH", `/api/webhooks/${h.id}`, { active: !h.active }))}
                  >
                    {h.active ? "Pause" : "Resume"}
                  </button>
                  <button
                    type="button"
                    className="danger-btn"
                    onClick={async () =>
                      (await ask({
                        title: "Remove this webhook?",
                        body: `Deliveries to ${h.url} stop and its delivery log is deleted.`,
                        confirm: "Remove webhook",
                        danger: true,
                      })) && act(() => api("DELETE", `/api/webhooks/${h.id}`))
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
      {!hooks.length && <p className="muted">No webhooks yet.</p>}
      {canEdit ? (
        <form className="card form-grid" onSubmit={add}>
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
            <button className="primary" type="submit" disabled={!form.events.length}>
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
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const load = useCallback(
    () =>
      api<Delivery[]>("GET", `/api/webhooks/${hookId}/deliveries?limit=50`).then(setRows, () => setRows([])),
    [hookId],
  );
  useEffect(() => {
    load();
    const t = setInterval(load, 3000);
    return () => clearInterval(t);
  }, [load]);
  if (!rows) return null;
  if (!rows.length) return <p className="muted small">Nothing delivered yet.</p>;
  return (
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
                  onClick={() =>
                    api("POST", `/api/webhook-deliveries/${d.id}/redeliver`).then(load, () => {})
                  }
                >
                  Redeliver
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
