import { useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { EmailEditor } from "./EmailEditor";

type SequenceEmail = {
  id: string;
  leadId: string;
  sequenceId: string;
  sequenceName: string;
  stepIndex: number;
  toAddress: string | null;
  subject: string;
  body: string;
  hook: { kind?: string; text?: string; source?: string | null };
  status: "draft" | "approved";
  edited: boolean;
  generator: string;
  model: string | null;
  updatedAt: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
};

/** Email messages of personalised sequences: read, edit, approve; their sequence sends them on schedule. */
export function SequenceEmails() {
  const [emails, setEmails] = useState<SequenceEmail[] | null>(null);
  const [sel, setSel] = useState<string | null>(null);
  const [text, setText] = useState({ subject: "", body: "" });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api<SequenceEmail[]>("GET", "/api/emails/sequence-messages").then(setEmails, (e) =>
        setError(e.message),
      ),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);
  const current = emails?.find((e) => e.id === sel) ?? null;
  const dirty = !!current && (text.subject !== current.subject || text.body !== current.body);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    setNotice(null);
    try {
      await fn();
      setNotice(done);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const approve = () =>
    act(async () => {
      if (dirty) await api("PATCH", `/api/messages/drafts/${current!.id}`, text);
      const r = await api<{ refused: { reason: string }[] }>("POST", "/api/messages/drafts/approve", {
        ids: [current!.id],
      });
      if (r.refused.length) throw new Error(r.refused[0]!.reason);
    }, "Approved: the sequence sends it on schedule");

  if (emails && !emails.length)
    return (
      <div className="empty">
        <h2>No sequence messages yet</h2>
        <p>
          In a sequence's Messaging Lab, choose "A personalised message per lead" and generate previews; the
          email steps appear here for review.
        </p>
      </div>
    );
  return (
    <div className="split">
      <div role="listbox" aria-label="Sequence messages">
        {emails?.map((e) => (
          <button
            type="button"
            key={e.id}
            role="option"
            aria-selected={e.id === sel}
            className={`draft-card ${e.id === sel ? "active" : ""}`}
            onClick={() => {
              setSel(e.id);
              setText({ subject: e.subject, body: e.body });
              setNotice(null);
              setError(null);
            }}
          >
            <div className="strong">{e.subject || `(follow-up, step ${e.stepIndex})`}</div>
            <div className="small">
              {[e.firstName, e.lastName].filter(Boolean).join(" ") || e.toAddress}{" "}
              {e.company && `· ${e.company}`}
            </div>
            <div className="small muted">
              {e.sequenceName} · step {e.stepIndex} ·{" "}
              <span className={`badge ${e.status === "approved" ? "state-ready" : ""}`}>
                {e.status === "approved" ? "Approved" : "Waiting for approval"}
              </span>
            </div>
          </button>
        ))}
      </div>
      <div className="card stack">
        {!current && <p className="muted">Select a message to read it.</p>}
        {current && (
          <>
            <EmailEditor
              key={current.id}
              text={text}
              onChange={setText}
              readOnly={false}
              meta={
                <>
                  To {current.toAddress ?? "—"} · <Link to={`/leads/${current.leadId}`}>lead</Link> ·{" "}
                  <Link to={`/sequences/${current.sequenceId}/lab`}>Messaging Lab</Link>
                  {current.hook.kind && current.hook.kind !== "none" && (
                    <> · hook: {current.hook.kind.replace("_", " ")}</>
                  )}
                  {" · "}
                  {current.generator === "llm" ? current.model : "built-in writer"}
                </>
              }
            />
            {notice && (
              <p className="ok" role="status">
                {notice}
              </p>
            )}
            <ErrorNote error={error} />
            <div className="actions">
              <button
                type="button"
                disabled={!dirty}
                onClick={() =>
                  act(
                    () => api("PATCH", `/api/messages/drafts/${current.id}`, text),
                    "Saved; approve it again to send it",
                  )
                }
              >
                Save
              </button>
              {(current.status !== "approved" || dirty) && (
                <button type="button" className="primary" onClick={approve}>
                  Approve
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
