import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { EmailEditor } from "./EmailEditor";
import { HookLabel } from "./hookLabel";
import { SequenceEmails } from "./SequenceEmails";
import { Tabs } from "../../components/Tabs";
import { useSearchState } from "../../hooks/useSearchState";

type Email = Get<"/api/emails">[number];
const emailsKey = ["/api/emails"];
type Source = "writeback" | "sequences";

/**
 * Drafts on the left; the selected one on the right, to read, edit, and approve. Writeback drafts
 * are sent from here (Approve & send); sequence messages are approved here and sent by their sequence.
 */
export function EmailsPage() {
  // The tab lives in the URL: Back and reload bring it back.
  const [search, setSearch] = useSearchState(["tab"] as const);
  const source: Source = search.tab === "sequences" ? "sequences" : "writeback";
  return (
    <section>
      <header className="page-head">
        <h1>Outreach emails</h1>
        <p className="muted">
          Preview, edit and approve the emails written for your leads before they are sent. Nothing goes out
          until you approve it.
        </p>
      </header>
      <Tabs
        label="Which emails"
        tabs={[
          ["writeback", "Writeback drafts"],
          ["sequences", "Sequence messages"],
        ]}
        value={source}
        onChange={(t) => setSearch({ tab: t === "writeback" ? "" : t })}
      />
      {source === "writeback" ? <WritebackEmails /> : <SequenceEmails />}
    </section>
  );
}

function WritebackEmails() {
  const list = useQuery({
    queryKey: emailsKey,
    queryFn: () => data(client.GET("/api/emails")),
    meta: { inline: true },
  });
  const emails = list.data;
  const [sel, setSel] = useState<string | null>(null);
  const [draft, setDraft] = useState({ subject: "", body: "" });
  const current = emails?.find((e) => e.id === sel) ?? null;
  const dirty = !!current && (draft.subject !== current.subject || draft.body !== current.body);
  const path = (id: string) => ({ params: { path: { id } } });
  const saveDraft = (id: string) => data(client.PATCH("/api/emails/{id}", { ...path(id), body: draft }));
  const opts = { inline: true, invalidate: [emailsKey, ["/api/home"]] };
  const save = useAction((id: string) => saveDraft(id).then(() => "Saved"), opts);
  const send = useAction(async (e: Email) => {
    if (dirty) await saveDraft(e.id);
    await data(client.POST("/api/emails/{id}/send", { ...path(e.id), body: {} }));
    return `Sent to ${e.toAddress ?? "the lead"}`;
  }, opts);
  const select = (e: Email) => {
    setSel(e.id);
    setDraft({ subject: e.subject, body: e.body });
    save.reset();
    send.reset();
  };
  const notice = send.data ?? save.data;
  const error = send.error?.message ?? save.error?.message ?? list.error?.message ?? null;

  return (
    <>
      {!emails && <ErrorNote error={error} />}
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
                      <HookLabel hook={current.hook} />
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
                    <button
                      type="button"
                      disabled={!dirty || save.isPending}
                      onClick={() => {
                        send.reset();
                        save.mutate(current.id);
                      }}
                    >
                      Save
                    </button>
                  )}
                  {current.status !== "sent" && (
                    <button
                      type="button"
                      className="primary"
                      disabled={send.isPending}
                      onClick={() => {
                        save.reset();
                        // A refused send records its error on the draft: show it.
                        send.mutate(current, { onError: () => void list.refetch() });
                      }}
                    >
                      {send.isPending ? "Sending…" : "Approve & send"}
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
