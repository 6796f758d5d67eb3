import { type FormEvent, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";

type PlusVibe = {
  connected: boolean;
  webhookUrl: string;
  workspaceId: string | null;
  baseUrl: string;
  check?: { ok: boolean; campaigns?: number; error?: string };
};

/** Connections to other products: PlusVibe for delivery (the LinkedIn provider comes later). */
export function IntegrationsSettings({ canEdit }: { canEdit: boolean }) {
  const [pv, setPv] = useState<PlusVibe | null>(null);
  const [form, setForm] = useState({ apiKey: "", workspaceId: "", baseUrl: "" });
  const [error, setError] = useState<string | null>(null);
  const [synced, setSynced] = useState<string | null>(null);
  useEffect(() => {
    api<PlusVibe>("GET", "/api/integrations/plusvibe").then(
      (r) => {
        setPv(r);
        setForm({ apiKey: "", workspaceId: r.workspaceId ?? "", baseUrl: r.baseUrl });
      },
      (e) => setError(e.message),
    );
  }, []);
  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setPv(
        await api<PlusVibe>("PUT", "/api/integrations/plusvibe", {
          ...(form.apiKey ? { apiKey: form.apiKey } : {}),
          workspaceId: form.workspaceId,
          ...(form.baseUrl ? { baseUrl: form.baseUrl } : {}),
        }),
      );
      setForm({ ...form, apiKey: "" });
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <div className="stack">
      <h3>PlusVibe</h3>
      <p className="muted">
        Push leads whose writeback is done into a PlusVibe campaign with their custom_* variables (Leads →
        select → Push selected), and mark them completed.
      </p>
      {pv && (
        <p className={pv.connected ? "ok" : "muted"} role="status">
          {pv.connected ? `Connected to workspace ${pv.workspaceId}` : "Not connected"}
          {pv.check &&
            (pv.check.ok
              ? ` · connection checked: ${pv.check.campaigns} campaign(s)`
              : ` · check failed: ${pv.check.error}`)}
        </p>
      )}
      {pv?.connected && (
        <div className="card stack small">
          <div>
            PlusVibe webhook URL (paste it in PlusVibe's webhook settings for sent, bounced and reply events):{" "}
            <code>{pv.webhookUrl}</code>
          </div>
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                api<{ seen: number; matched: number; updated: number }>("POST", "/api/plusvibe/sync").then(
                  (r) =>
                    setSynced(
                      `Synced: ${r.seen} PlusVibe leads read, ${r.matched} matched here, ${r.updated} updated`,
                    ),
                  (e) => setError(e.message),
                )
              }
            >
              Sync leads and statuses now
            </button>
            {synced && <span className="ok">{synced}</span>}
          </div>
        </div>
      )}
      <ErrorNote error={error} />
      {canEdit ? (
        <form className="card form-grid" onSubmit={save}>
          <Field
            label="API key"
            hint={pv?.connected ? "Leave empty to keep the stored key." : "Stored encrypted."}
          >
            <input
              type="password"
              value={form.apiKey}
              onChange={(e) => setForm({ ...form, apiKey: e.target.value })}
            />
          </Field>
          <Field label="PlusVibe workspace id">
            <input
              required
              value={form.workspaceId}
              onChange={(e) => setForm({ ...form, workspaceId: e.target.value })}
            />
          </Field>
          <Field label="API base URL">
            <input
              type="url"
              value={form.baseUrl}
              onChange={(e) => setForm({ ...form, baseUrl: e.target.value })}
            />
          </Field>
          <div className="actions">
            <button className="primary" type="submit">
              Save and check
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">Only owners and admins connect integrations.</p>
      )}
    </div>
  );
}
