import { useEffect, useRef, useState } from "react";
import { ApiError, api } from "../../api";
import { Link } from "../../components/Link";

type UniboxEmail = {
  id: string;
  direction: "in" | "out";
  from: string;
  to: string;
  subject: string;
  text: string;
  at: string | null;
};
type Page = { emails: UniboxEmail[]; nextPageTrail: string | null };

/** Older pages arrive later; the thread stays one list, oldest first, each email once. */
function merge(a: UniboxEmail[], b: UniboxEmail[]) {
  const byId = new Map([...a, ...b].map((e) => [e.id, e]));
  return [...byId.values()].sort((x, y) => (x.at ?? "").localeCompare(y.at ?? ""));
}

/**
 * The conversation PlusVibe's Unibox holds for the lead (campaign emails and replies). Loaded on
 * demand, so opening a lead does not call PlusVibe; shown as text only, never as HTML.
 */
export function PlusVibeUnibox(p: { leadId: string; leadName: string; email: string | null }) {
  const [emails, setEmails] = useState<UniboxEmail[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; notConnected: boolean } | null>(null);
  // A fresh load shows the newest email (the end of the thread); older pages keep the top in view.
  const [scroll, setScroll] = useState<"end" | "start" | null>(null);
  const thread = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!scroll || !thread.current) return;
    thread.current.scrollTop = scroll === "end" ? thread.current.scrollHeight : 0;
    setScroll(null);
  }, [scroll, emails]);

  async function load(pageTrail?: string) {
    setBusy(true);
    setError(null);
    try {
      const q = pageTrail ? `?pageTrail=${encodeURIComponent(pageTrail)}` : "";
      const r = await api<Page>("GET", `/api/leads/${p.leadId}/plusvibe/emails${q}`);
      setEmails((old) => (pageTrail && old ? merge(old, r.emails) : merge([], r.emails)));
      setNext(r.nextPageTrail);
      setScroll(pageTrail ? "start" : "end");
    } catch (e) {
      setError({
        message: (e as Error).message,
        notConnected: e instanceof ApiError && e.code === "integration_missing",
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <div className="row-between">
        <h3>PlusVibe conversation</h3>
        {emails && (
          <button type="button" className="small" disabled={busy} onClick={() => load()}>
            Refresh
          </button>
        )}
      </div>
      {!p.email ? (
        <p className="muted small">The lead has no email, which PlusVibe finds its conversation by.</p>
      ) : emails === null ? (
        <>
          <p className="muted small">
            The campaign emails and replies PlusVibe's Unibox holds for {p.email}.
          </p>
          <button type="button" disabled={busy} onClick={() => load()}>
            {busy ? "Loading…" : "Show PlusVibe conversation"}
          </button>
        </>
      ) : (
        <>
          {next && (
            <button type="button" className="small" disabled={busy} onClick={() => load(next)}>
              {busy ? "Loading…" : "Load older"}
            </button>
          )}
          {emails.length === 0 ? (
            <p className="muted">PlusVibe has no emails with {p.email}.</p>
          ) : (
            <div className="thread" ref={thread} aria-label="PlusVibe conversation">
              {emails.map((e) => (
                <div key={e.id} className={`bubble ${e.direction}`}>
                  <div className="small muted">
                    {e.direction === "in"
                      ? `${p.leadName} replied`
                      : `Sent${e.from ? ` from ${e.from}` : ""}`}
                    {e.at && ` · ${new Date(e.at).toLocaleString()}`}
                  </div>
                  {e.subject && <div className="strong small">{e.subject}</div>}
                  <div className="mail-preview">{e.text || <span className="muted">(no text)</span>}</div>
                </div>
              ))}
            </div>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error.message}
          {error.notConnected && (
            <>
              {" "}
              <Link to="/settings">Open Settings</Link>
            </>
          )}
        </p>
      )}
    </div>
  );
}
