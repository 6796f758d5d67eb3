import { useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote } from "../../components/Field";
import { channelLabel } from "./PlaysPage";

type Msg = {
  id: string;
  channel: string;
  status: string;
  subject: string;
  body: string;
  toAddress: string | null;
  sentAt: string | null;
  firstName: string | null;
  lastName: string | null;
  replies: number;
};

/** What the sandbox sender "sent": read it, and answer as the prospect to see follow-ups stop. */
export function SandboxMailbox() {
  const [msgs, setMsgs] = useState<Msg[]>([]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(
    () => api<Msg[]>("GET", "/api/sandbox/messages").then(setMsgs, (e) => setError(e.message)),
    [],
  );
  useEffect(() => {
    load();
    const t = setInterval(load, 4000);
    return () => clearInterval(t);
  }, [load]);

  async function reply(m: Msg, autoReply: boolean) {
    setError(null);
    try {
      const text = autoReply ? "I am out of the office until next week." : (drafts[m.id] ?? "").trim();
      const r = await api<{ kind: string }>("POST", `/api/sandbox/messages/${m.id}/reply`, {
        text,
        autoReply,
      });
      setNotice(
        r.kind === "human_reply"
          ? "Reply recorded: every later step for this lead is stopped."
          : "Out-of-office recorded: the lead is paused until they are back.",
      );
      setDrafts({ ...drafts, [m.id]: "" });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section>
      <header className="page-head">
        <h2>Sandbox mailbox</h2>
        <p className="muted">
          Sandbox mailbox: messages sent by the sandbox sender and LinkedIn steps (no provider connected yet)
          stay on this machine. Answer as the prospect to try reply detection. The unified inbox for real
          mailboxes is not built yet.
        </p>
      </header>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      <div className="stack">
        {msgs.map((m) => (
          <article key={m.id} className="card mail">
            <div className="row-between">
              <div>
                <strong>{m.subject || channelLabel[m.channel]}</strong>
                <div className="muted small">
                  To {[m.firstName, m.lastName].filter(Boolean).join(" ")} &lt;{m.toAddress}&gt; ·{" "}
                  {channelLabel[m.channel]} · {m.status}
                  {m.sentAt ? ` · ${new Date(m.sentAt).toLocaleString()}` : ""}
                </div>
              </div>
              {m.replies > 0 && <span className="badge st-replied">answered</span>}
            </div>
            <pre className="body">{m.body}</pre>
            <div className="row">
              <textarea
                aria-label={`Reply to ${m.subject || m.id} as the prospect`}
                rows={2}
                placeholder="Write a reply as the prospect…"
                value={drafts[m.id] ?? ""}
                onChange={(e) => setDrafts({ ...drafts, [m.id]: e.target.value })}
              />
              <div className="actions">
                <button type="button" disabled={!(drafts[m.id] ?? "").trim()} onClick={() => reply(m, false)}>
                  Reply as prospect
                </button>
                <button type="button" className="link" onClick={() => reply(m, true)}>
                  Send out-of-office
                </button>
              </div>
            </div>
          </article>
        ))}
        {!msgs.length && <p className="muted">Nothing sent through the sandbox yet.</p>}
      </div>
    </section>
  );
}
