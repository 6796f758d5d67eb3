import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError, client, data, type Get } from "../../api/client";
import { Link } from "../../components/Link";

type UniboxEmail = Get<"/api/leads/{id}/plusvibe/emails">["emails"][number];

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
  // Loaded on the first click only; each older page is one more page of the same query.
  const [shown, setShown] = useState(false);
  const pages = useInfiniteQuery({
    queryKey: ["/api/leads/{id}/plusvibe/emails", p.leadId],
    queryFn: ({ pageParam }) =>
      data(
        client.GET("/api/leads/{id}/plusvibe/emails", {
          params: { path: { id: p.leadId }, query: pageParam ? { pageTrail: pageParam } : {} },
        }),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageTrail ?? undefined,
    enabled: shown,
    meta: { inline: true },
  });
  const emails = pages.data
    ? pages.data.pages.reduce<UniboxEmail[]>((a, pg) => merge(a, pg.emails), [])
    : null;
  const busy = pages.isFetching;
  const e = pages.error;
  const error = e && {
    message: e.message,
    notConnected: e instanceof ApiError && e.code === "integration_missing",
  };
  // A fresh load shows the newest email (the end of the thread); older pages keep the top in view.
  const thread = useRef<HTMLDivElement>(null);
  const pageCount = pages.data?.pages.length ?? 0;
  useEffect(() => {
    if (!thread.current || !pageCount) return;
    thread.current.scrollTop = pageCount === 1 ? thread.current.scrollHeight : 0;
  }, [pageCount]);
  const load = (older?: boolean) => {
    if (older) void pages.fetchNextPage();
    else if (shown) void pages.refetch();
    else setShown(true);
  };
  const next = pages.hasNextPage;

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
            <button type="button" className="small" disabled={busy} onClick={() => load(true)}>
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
