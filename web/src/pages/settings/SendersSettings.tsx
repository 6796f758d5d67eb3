import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data } from "../../api/client";
import { useTasks } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { ask } from "../../components/confirm";
import { blank, formOf, requestBodyOf, type Sender } from "./senderForm";

/** Members see the senders (to pick one for a sequence); owners and admins change them. */
export function SendersSettings({ canEdit = true }: { canEdit?: boolean }) {
  // The same cache entry as the sender filters and the domain checks below.
  const list = useQuery({
    queryKey: ["/api/sender-accounts"],
    queryFn: () => data(client.GET("/api/sender-accounts")),
    meta: { inline: true },
  });
  const senders: Sender[] = list.data ?? [];
  const [f, setF] = useState(blank);
  // The account being edited, or null when the form adds a new one.
  const [editing, setEditing] = useState<Sender | null>(null);
  const act = useTasks([["/api/sender-accounts"]]);
  const path = (id: string) => ({ params: { path: { id } } });
  const clear = () => {
    setEditing(null);
    setF(blank);
  };

  // The form clears only once the save worked, so a refusal keeps what was typed.
  function save(e: FormEvent) {
    e.preventDefault();
    const body = requestBodyOf(f, editing);
    const name = f.name;
    act.mutate(
      async () => {
        if (editing) await data(client.PATCH("/api/sender-accounts/{id}", { ...path(editing.id), body }));
        else
          await data(
            client.POST("/api/sender-accounts", {
              body: { ...body, imap: body.imap ?? undefined, kind: f.kind as "sandbox" | "smtp" },
            }),
          );
        return editing ? `Saved ${name}` : `Added ${name}`;
      },
      { onSuccess: clear },
    );
  }
  function test(s: Sender) {
    act.mutate(async () => {
      const r = await data(client.POST("/api/sender-accounts/{id}/test", path(s.id)));
      if (!r.ok) throw new Error(`${s.name}: ${r.error}`);
      return `${s.name}: connection and login work`;
    });
  }
  async function remove(s: Sender) {
    const ok = await ask({
      title: `Remove the sender “${s.name}”?`,
      body: "Messages already sent keep their history.",
      confirm: "Remove sender",
      danger: true,
    });
    if (!ok) return;
    act.mutate(
      async () => {
        await data(client.DELETE("/api/sender-accounts/{id}", path(s.id)));
        return `Removed ${s.name}`;
      },
      { onSuccess: () => editing?.id === s.id && clear() },
    );
  }
  const edit = (s: Sender) => {
    setEditing(s);
    setF(formOf(s));
    act.reset();
  };

  return (
    <div className="stack">
      <p className="muted">
        Sequences send email through these accounts, each with its own daily cap and minimum gap between
        sends. Give an account an IMAP inbox and replies, out-of-office notes and bounces are read from it.
        The sandbox keeps every message on this machine (see Inbox).
      </p>
      {act.data && (
        <p className="ok" role="status">
          {act.data}
        </p>
      )}
      <ErrorNote error={(act.error ?? list.error)?.message ?? null} />
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
            <button className="primary" type="submit" disabled={act.isPending}>
              {editing ? "Save changes" : "Add sender"}
            </button>
            {editing && (
              <button type="button" onClick={clear}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
