import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { client, data } from "../../api/client";
import { useTasks } from "../../api/useAction";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { EmailEditor } from "./EmailEditor";
import { HookLabel } from "./hookLabel";

const messagesKey = ["/api/emails/sequence-messages"];

/** Email messages of personalised sequences: read, edit, approve; their sequence sends them on schedule. */
export function SequenceEmails() {
  const list = useQuery({
    queryKey: messagesKey,
    queryFn: () => data(client.GET("/api/emails/sequence-messages")),
    meta: { inline: true },
  });
  const emails = list.data;
  const [sel, setSel] = useState<string | null>(null);
  const [text, setText] = useState({ subject: "", body: "" });
  const current = emails?.find((e) => e.id === sel) ?? null;
  const dirty = !!current && (text.subject !== current.subject || text.body !== current.body);
  const act = useTasks([messagesKey, ["/api/home"]]);
  const saveText = (id: string) =>
    data(client.PATCH("/api/messages/drafts/{id}", { params: { path: { id } }, body: text }));
  const approve = (id: string) =>
    act.mutate(async () => {
      if (dirty) await saveText(id);
      const r = await data(client.POST("/api/messages/drafts/approve", { body: { ids: [id] } }));
      if (r.refused.length) throw new Error(r.refused[0]!.reason);
      return "Approved: the sequence sends it on schedule";
    });

  if (!emails && list.error) return <ErrorNote error={list.error.message} />;
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
              act.reset();
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
                  <HookLabel hook={current.hook} />
                  {" · "}
                  {current.generator === "llm" ? current.model : "built-in writer"}
                </>
              }
            />
            {act.data && (
              <p className="ok" role="status">
                {act.data}
              </p>
            )}
            <ErrorNote error={act.error?.message ?? list.error?.message ?? null} />
            <div className="actions">
              <button
                type="button"
                disabled={!dirty || act.isPending}
                onClick={() =>
                  act.mutate(() => saveText(current.id).then(() => "Saved; approve it again to send it"))
                }
              >
                Save
              </button>
              {(current.status !== "approved" || dirty) && (
                <button
                  type="button"
                  className="primary"
                  disabled={act.isPending}
                  onClick={() => approve(current.id)}
                >
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
