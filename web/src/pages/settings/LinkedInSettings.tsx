import { type FormEvent, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";

type LinkedIn = {
  connected: boolean;
  dsn: string | null;
  accountId: string | null;
  status: string | null;
  webhookUrl: string;
  check?: { ok: boolean; error?: string };
};

/** A LinkedIn account through Unipile: profile enrichment and replies (sending steps comes next). */
export function LinkedInSettings({ canEdit }: { canEdit: boolean }) {
  const [li, setLi] = useState<LinkedIn | null>(null);
  const [form, setForm] = useState({ apiKey: "", dsn: "", accountId: "" });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<LinkedIn>("GET", "/api/integrations/linkedin").then(
      (r) => {
        setLi(r);
        setForm({ apiKey: "", dsn: r.dsn ?? "", accountId: r.accountId ?? "" });
      },
      (e) => setError(e.message),
    );
  }, []);
  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setLi(
        await api<LinkedIn>("PUT", "/api/integrations/linkedin", {
          ...(form.apiKey ? { apiKey: form.apiKey } : {}),
          dsn: form.dsn,
          accountId: form.accountId,
        }),
      );
      setForm({ ...form, apiKey: "" });
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <div className="stack">
      <h3>LinkedIn (through Unipile)</h3>
      <p className="muted">
        Enrich leads from their LinkedIn profiles, and see LinkedIn replies in the inbox: a reply stops every
        later step on every channel.
      </p>
      {li && (
        <p className={li.connected && li.status === "ok" ? "ok" : "muted"} role="status">
          {li.connected ? `Account ${li.accountId}: ${li.status}` : "Not connected"}
          {li.check && !li.check.ok && ` · check failed: ${li.check.error}`}
        </p>
      )}
      {li?.connected && (
        <p className="small">
          Unipile webhook URL (new messages and new relations): <code>{li.webhookUrl}</code>
        </p>
      )}
      <ErrorNote error={error} />
      {canEdit && (
        <form className="card form-grid" onSubmit={save}>
          <Field
            label="Unipile API key"
            hint={li?.connected ? "Leave empty to keep the stored key." : "Stored encrypted."}
          >
            <input
              type="password"
              value={form.apiKey}
              onChange={(e) => setForm({ ...form, apiKey: e.target.value })}
            />
          </Field>
          <Field label="Unipile DSN" hint="e.g. api8.unipile.com:13851">
            <input required value={form.dsn} onChange={(e) => setForm({ ...form, dsn: e.target.value })} />
          </Field>
          <Field label="Account id">
            <input
              required
              value={form.accountId}
              onChange={(e) => setForm({ ...form, accountId: e.target.value })}
            />
          </Field>
          <div className="actions">
            <button className="primary" type="submit">
              Save and check
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
