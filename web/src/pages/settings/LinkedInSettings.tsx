import { type FormEvent, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";
import { LinkedInBudgets, type LinkedInLimits } from "./LinkedInBudgets";

type LinkedIn = {
  connected: boolean;
  dsn: string | null;
  accountId: string | null;
  status: "ok" | "error" | "paused" | null;
  pausedReason: string | null;
  limits: LinkedInLimits | null;
  lastPolledAt: string | null;
  webhookUrl: string;
  check?: { ok: boolean; error?: string };
};

/** "…: reason." without a doubled full stop when the reason ends with one. */
const sentence = (s: string) => s.trim().replace(/[.\s]+$/, "");

/**
 * A LinkedIn account through Unipile: profile enrichment, replies, and the invitation and message
 * steps of sequences, within the account's budgets.
 */
export function LinkedInSettings({ canEdit }: { canEdit: boolean }) {
  const [li, setLi] = useState<LinkedIn | null>(null);
  const [form, setForm] = useState({ apiKey: "", dsn: "", accountId: "" });
  const [error, setError] = useState<string | null>(null);
  const [polling, setPolling] = useState(false);
  const [polled, setPolled] = useState<string | null>(null);
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
  async function poll() {
    setError(null);
    setPolled(null);
    setPolling(true);
    try {
      const { accepted } = await api<{ accepted: number }>("POST", "/api/integrations/linkedin/poll");
      setPolled(`${accepted} new ${accepted === 1 ? "acceptance" : "acceptances"} found`);
      // The check moves "last checked", and an account LinkedIn refused on the way is now paused.
      const fresh = await api<LinkedIn>("GET", "/api/integrations/linkedin");
      setLi((old) => (old ? { ...fresh, check: old.check } : fresh));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPolling(false);
    }
  }
  const paused = li?.status === "paused";
  return (
    <div className="stack">
      <h3>LinkedIn (through Unipile)</h3>
      {paused && (
        <div className="card notice" role="alert">
          <strong>
            LinkedIn actions are paused
            {li.pausedReason ? `: ${sentence(li.pausedReason)}` : ""}. Check the account in Unipile/LinkedIn,
            then press Save and check to resume.
          </strong>
          <span className="small">Until then, every LinkedIn step waits and nothing is sent.</span>
        </div>
      )}
      <p className="muted">
        Send the invitation and message steps of your sequences from your own LinkedIn account, within the
        budgets below; enrich leads from their LinkedIn profiles; and see LinkedIn replies in the inbox: a
        reply stops every later step on every channel.
      </p>
      {li && (
        <p className={li.connected && li.status === "ok" ? "ok" : "muted"} role="status">
          {li.connected ? `Account ${li.accountId}: ${li.status}` : "Not connected"}
          {li.check && !li.check.ok && ` · check failed: ${li.check.error}`}
        </p>
      )}
      {li?.connected && (
        <div className="card stack small">
          <div>
            Unipile webhook URL (new messages and new relations): <code>{li.webhookUrl}</code>
          </div>
          <div className="actions">
            {canEdit && (
              <button type="button" onClick={poll} disabled={polling || paused}>
                {polling ? "Checking…" : "Check for accepted invitations now"}
              </button>
            )}
            <span className="muted">
              {li.lastPolledAt
                ? `Last checked ${new Date(li.lastPolledAt).toLocaleString()}`
                : "Not checked yet"}
              {paused && " · not checked while the account is paused"}
            </span>
            {polled && (
              <span className="ok" role="status">
                {polled}
              </span>
            )}
          </div>
        </div>
      )}
      <ErrorNote error={error} />
      {canEdit ? (
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
      ) : (
        <p className="muted">Only owners and admins connect integrations.</p>
      )}
      {li?.connected && li.limits && (
        <LinkedInBudgets
          key={li.accountId ?? ""}
          canEdit={canEdit}
          limits={li.limits}
          onSaved={(limits) => setLi((old) => (old ? { ...old, limits } : old))}
        />
      )}
    </div>
  );
}
