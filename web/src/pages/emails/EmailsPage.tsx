import { useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { EmailEditor } from "./EmailEditor";
import { SequenceEmails } from "./SequenceEmails";
import { Tabs } from "../../components/Tabs";

export type Email = {
  id: string;
  leadId: string;
  auditId: string | null;
  toAddress: string | null;
  subject: string;
  body: string;
  hook: { kind?: string; text?: string; source?: string | null };
  status: string;
  writebackStatus: string;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
};

type Source = "writeback" | "sequences";

/**
 * Drafts on the left; the selected one on the right, to read, edit, and approve. Writeback drafts
 * are sent from here (Approve & send); sequence messages are approved here and sent by their sequence.
 */
export function EmailsPage() {
  const [source, setSource] = useState<Source>("writeback");
  return (
    <section>
      <header className="page-head">
        <h1>Emails</h1>
        <p className="muted">Outreach emails written for leads. Nothing is sent until you approve it.</p>
      </header>
      <Tabs
        label="Which emails"
        tabs={[
          ["writeback", "Writeback drafts"],
          ["sequences", "Sequence messages"],
        ]}
        value={source}
        onChange={setSource}
      />
      {source === "writeback" ? <WritebackEmails /> : <SequenceEmails />}
    </section>
  );
}

function WritebackEmails() {
  const [emails, setEmails] = useState<Email[] | null>(null);
  const [sel, setSel] = useState<string | null>(null);
  const [draft, setDraft] = useState({ subject: "", body: "" });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () =>
      api<Email[]>("GET", "/api/emails").then(
        (list) => {
          setEmails(list);
          return list;
        },
        (e) => setError(e.message),
      ),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);
  const current = emails?.find((e) => e.id === sel) ?? null;
  const select = (e: Email) => {
    setSel(e.id);
    setDraft({ subject: e.subject, body: e.body });
    setNotice(null);
    setError(null);
  };
  const dirty = !!current && (draft.subject !== current.subject || draft.body !== current.body);

  async function save() {
    if (!current) return;
    try {
      await api("PATCH", `/api/emails/${current.id}`, draft);
      setNotice("Saved");
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  async function send() {
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      if (dirty) await api("PATCH", `/api/emails/${current.id}`, draft);
      await api("POST", `/api/emails/${current.id}/send`, {});
      setNotice(`Sent to ${current.toAddress ?? "the lead"}`);
      await load();
    } catch (e) {
      setError((e as Error).message);
      await load();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {emails && !emails.length && (
        <div className="empty">
          <h2>No emails generated yet</h2>
          <p>
            Run audits on leads to generate outreach emails (Leads → select → Audit websites), or use Generate
            email on a lead's page.
          </p>
        </div>
      )}
      {!!emails?.length && (
        <div className="split">
          <div role="listbox" aria-label="Drafts">
            {emails.map((e) => (
              <button
                type="button"
                key={e.id}
                role="option"
                aria-selected={e.id === sel}
                className={`draft-card ${e.id === sel ? "active" : ""}`}
                onClick={() => select(e)}
              >
                <div className="strong">{e.subject}</div>
                <div className="small">
                  {[e.firstName, e.lastName].filter(Boolean).join(" ") || e.toAddress}{" "}
                  {e.company && `· ${e.company}`}
                </div>
                <div className="small muted">
                  {new Date(e.createdAt).toLocaleDateString()} ·{" "}
                  <span className={`badge wb-${e.writebackStatus}`}>writeback {e.writebackStatus}</span>{" "}
                  <span className="badge">{e.status}</span>
                </div>
              </button>
            ))}
          </div>
          <div className="card stack">
            {!current && <p className="muted">Select a draft to read it.</p>}
            {current && (
              <>
                <EmailEditor
                  key={current.id}
                  text={draft}
                  onChange={setDraft}
                  readOnly={current.status === "sent"}
                  meta={
                    <>
                      To {current.toAddress ?? "—"} · <Link to={`/leads/${current.leadId}`}>lead</Link>
                      {current.auditId && (
                        <>
                          {" "}
                          · <Link to={`/audits/${current.auditId}`}>audit</Link>
                        </>
                      )}
                      {current.hook.kind && current.hook.kind !== "none" && (
                        <> · hook: {current.hook.kind.replace("_", " ")}</>
                      )}
                    </>
                  }
                />
                {notice && (
                  <p className="ok" role="status">
                    {notice}
                  </p>
                )}
                <ErrorNote error={error ?? (current.error ? `Last attempt: ${current.error}` : null)} />
                <div className="actions">
                  {current.status !== "sent" && (
                    <button type="button" disabled={!dirty} onClick={save}>
                      Save
                    </button>
                  )}
                  {current.status !== "sent" && (
                    <button type="button" className="primary" disabled={busy} onClick={send}>
                      {busy ? "Sending…" : "Approve & send"}
                    </button>
                  )}
                  {current.status === "sent" && current.sentAt && (
                    <span className="muted">Sent {new Date(current.sentAt).toLocaleString()}</span>
                  )}
                </div>
              </>
            )}
          </div>
        </div>
      )}
    </>
  );
}
