import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";
import { ask } from "../../components/confirm";
import { blank, formOf, requestBodyOf, type Sender } from "./senderForm";

/** Members see the senders (to pick one for a sequence); owners and admins change them. */
export function SendersSettings({ canEdit = true }: { canEdit?: boolean }) {
  const [senders, setSenders] = useState<Sender[]>([]);
  const [f, setF] = useState(blank);
  // The account being edited, or null when the form adds a new one.
  const [editing, setEditing] = useState<Sender | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const qc = useQueryClient();
  const load = useCallback(
    () =>
      api<Sender[]>("GET", "/api/sender-accounts").then(
        (s) => {
          setSenders(s);
          // The domain checks below list the senders through the query cache.
          void qc.invalidateQueries({ queryKey: ["/api/sender-accounts"] });
        },
        (e) => setError(e.message),
      ),
    [qc],
  );
  useEffect(() => {
    load();
  }, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body = requestBodyOf(f, editing);
    try {
      if (editing) await api("PATCH", `/api/sender-accounts/${editing.id}`, body);
      else await api("POST", "/api/sender-accounts", { ...body, kind: f.kind });
      setNotice(editing ? `Saved ${f.name}` : `Added ${f.name}`);
      setEditing(null);
      setF(blank);
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  async function test(s: Sender) {
    const r = await api<{ ok: boolean; error?: string }>("POST", `/api/sender-accounts/${s.id}/test`);
    setNotice(r.ok ? `${s.name}: connection and login work` : null);
    setError(r.ok ? null : `${s.name}: ${r.error}`);
  }
  async function remove(s: Sender) {
    const ok = await ask({
      title: `Remove the sender “${s.name}”?`,
      body: "Messages already sent keep their history.",
      confirm: "Remove sender",
      danger: true,
    });
    if (!ok) return;
    try {
      await api("DELETE", `/api/sender-accounts/${s.id}`);
      setNotice(`Removed ${s.name}`);
      setError(null);
      if (editing?.id === s.id) {
        setEditing(null);
        setF(blank);
      }
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  const edit = (s: Sender) => {
    setEditing(s);
    setF(formOf(s));
    setNotice(null);
    setError(null);
  };

  return (
    <div className="stack">
      <p className="muted">
        Sequences send email through these accounts, each with its own daily cap and minimum gap between
        sends. Give an account an IMAP inbox and replies, out-of-office notes and bounces are read from it.
        The sandbox keeps every message on this machine (see Inbox).
      </p>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      <table className="table">
        <thead>
          <tr>
            <th>Name</th>
            <th>From</th>
            <th>Kind</th>
            <th>Replies read from</th>
            <th>Cap / gap</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {senders.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{s.fromEmail}</td>
              <td>{s.kind === "smtp" ? `SMTP ${s.smtpHost}` : "Sandbox"}</td>
              <td>{s.kind === "sandbox" ? "Inbox page" : s.imapHost ? `IMAP ${s.imapHost}` : "—"}</td>
              <td>
                {s.dailyCap}/day, {s.minGapSeconds}s
              </td>
              <td className="actions">
                {canEdit && (
                  <>
                    <button type="button" className="link" onClick={() => test(s)}>
                      Test connection
                    </button>
                    <button type="button" className="link" onClick={() => edit(s)}>
                      Edit
                    </button>
                    <button type="button" className="link danger" onClick={() => remove(s)}>
                      Remove
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!canEdit && <p className="muted">Only owners and admins add, change or test senders.</p>}
      {canEdit && (
        <form className="card form-grid" onSubmit={save}>
          <h3>{editing ? `Edit ${editing.name}` : "Add a sender"}</h3>
          <div className="row">
            <Field label="Kind">
              <select
                value={f.kind}
                disabled={!!editing}
                onChange={(e) => setF({ ...f, kind: e.target.value })}
              >
                <option value="sandbox">Sandbox (nothing leaves this machine)</option>
                <option value="smtp">SMTP mailbox</option>
              </select>
            </Field>
            <Field label="Account name">
              <input
                required
                value={f.name}
                onChange={(e) => setF({ ...f, name: e.target.value })}
                placeholder="e.g. Sales mailbox"
              />
            </Field>
          </div>
          <div className="row">
            <Field label="From address">
              <input
                required
                type="email"
                value={f.fromEmail}
                onChange={(e) => setF({ ...f, fromEmail: e.target.value })}
              />
            </Field>
            <Field label="From name">
              <input value={f.fromName} onChange={(e) => setF({ ...f, fromName: e.target.value })} />
            </Field>
          </div>
          {f.kind === "smtp" && (
            <>
              <div className="grid2">
                <Field label="SMTP host">
                  <input required value={f.host} onChange={(e) => setF({ ...f, host: e.target.value })} />
                </Field>
                <Field label="SMTP port">
                  <input
                    required
                    type="number"
                    value={f.port}
                    onChange={(e) => setF({ ...f, port: e.target.value })}
                  />
                </Field>
                <Field label="SMTP user">
                  <input value={f.user} onChange={(e) => setF({ ...f, user: e.target.value })} />
                </Field>
                <Field
                  label="SMTP password"
                  hint={
                    editing?.hasSmtpPassword
                      ? "Leave empty to keep the saved one (re-enter it when the host, port, user or TLS changes)."
                      : "Stored encrypted; never shown again."
                  }
                >
                  <input
                    type="password"
                    value={f.password}
                    onChange={(e) => setF({ ...f, password: e.target.value })}
                  />
                </Field>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={f.secure}
                    onChange={(e) => setF({ ...f, secure: e.target.checked })}
                  />{" "}
                  TLS from the start (port 465)
                </label>
              </div>
              <div className="grid2">
                <Field
                  label="IMAP host"
                  hint="Optional: where replies arrive. Leave empty to not read replies."
                >
                  <input value={f.imapHost} onChange={(e) => setF({ ...f, imapHost: e.target.value })} />
                </Field>
                <Field label="IMAP port">
                  <input
                    type="number"
                    value={f.imapPort}
                    onChange={(e) => setF({ ...f, imapPort: e.target.value })}
                  />
                </Field>
                <Field label="IMAP user" hint="Defaults to the from address.">
                  <input value={f.imapUser} onChange={(e) => setF({ ...f, imapUser: e.target.value })} />
                </Field>
                <Field
                  label="IMAP password"
                  hint={
                    editing?.hasImapPassword
                      ? "Leave empty to keep the saved one (re-enter it when the server changes)."
                      : "Stored encrypted."
                  }
                >
                  <input
                    type="password"
                    value={f.imapPassword}
                    onChange={(e) => setF({ ...f, imapPassword: e.target.value })}
                  />
                </Field>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={f.imapSecure}
                    onChange={(e) => setF({ ...f, imapSecure: e.target.checked })}
                  />{" "}
                  IMAP over TLS (port 993)
                </label>
              </div>
            </>
          )}
          <div className="row">
            <Field label="Daily cap">
              <input
                type="number"
                min={1}
                value={f.dailyCap}
                onChange={(e) => setF({ ...f, dailyCap: e.target.value })}
              />
            </Field>
            <Field label="Minimum gap (seconds)">
              <input
                type="number"
                min={0}
                value={f.minGapSeconds}
                onChange={(e) => setF({ ...f, minGapSeconds: e.target.value })}
              />
            </Field>
            <Field label="Jitter (seconds)" hint="A random extra wait, up to this much.">
              <input
                type="number"
                min={0}
                value={f.jitterSeconds}
                onChange={(e) => setF({ ...f, jitterSeconds: e.target.value })}
              />
            </Field>
          </div>
          <div className="actions">
            <button className="primary" type="submit">
              {editing ? "Save changes" : "Add sender"}
            </button>
            {editing && (
              <button
                type="button"
                onClick={() => {
                  setEditing(null);
                  setF(blank);
                }}
              >
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
