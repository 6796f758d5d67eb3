import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote } from "../../components/Field";
import { channelLabel } from "./PlaysPage";
import { SandboxReportActions } from "./SandboxReportActions";

type Msg = Get<"/api/sandbox/messages">[number];

const bounceLabel: Record<string, string> = {
  permanent: "bounced: no such address",
  temporary: "bounced for now",
  policy: "refused",
  undetermined: "bounced",
  delayed: "delayed",
  delivered: "delivered",
};

/** What the sandbox sender "sent": read it, and answer as the prospect to see follow-ups stop. */
export function SandboxMailbox() {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const msgs = useQuery({
    queryKey: ["/api/sandbox/messages"],
    queryFn: () => data(client.GET("/api/sandbox/messages")),
    // New sandbox sends appear as the scheduler makes them.
    refetchInterval: 4000,
  });
  const reply = useAction(
    ({ m, autoReply }: { m: Msg; autoReply: boolean }) =>
      data(
        client.POST("/api/sandbox/messages/{id}/reply", {
          params: { path: { id: m.id } },
          // The same answer to the same message is one reply, however often it is clicked.
          headers: { "Idempotency-Key": replyKey(m.id, autoReply, drafts[m.id] ?? "") },
          body: {
            text: autoReply ? "I am out of the office until next week." : (drafts[m.id] ?? "").trim(),
            autoReply,
          },
        }),
      ),
    {
      inline: true,
      invalidate: [["/api/sandbox/messages"], ["/api/inbox"], ["/api/home"]],
      onSuccess: (r, { m }) => {
        setNotice(
          r.kind === "human_reply"
            ? "Reply recorded: every later step for this lead is stopped."
            : "Out-of-office recorded: the lead is paused until they are back.",
        );
        setDrafts((d) => ({ ...d, [m.id]: "" }));
      },
    },
  );
  const list = msgs.data ?? [];
  return (
    <section>
      <header className="page-head">
        <h2>Sandbox mailbox</h2>
        <p className="muted">
          Messages sent by a sandbox sender, and LinkedIn steps while no LinkedIn account is connected, stay
          on this machine. Answer as the prospect to try reply detection (the answers appear under
          Conversations like real replies), or receive a bounce or a spam complaint to see what each does.
        </p>
      </header>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={reply.error?.message ?? null} />
      <div className="stack">
        {list.map((m) => (
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
              <span>
                {m.replies > 0 && <span className="badge st-replied">answered</span>}{" "}
                {m.complained ? (
                  <span className="badge st-bounced">marked as spam</span>
                ) : (
                  m.bounceClass && (
                    <span className="badge st-bounced">{bounceLabel[m.bounceClass] ?? "bounced"}</span>
                  )
                )}
              </span>
            </div>
            <pre className="body">{m.body}</pre>
            {m.channel === "email" && m.status === "sent" && m.stepIndex > 0 && (
              <SandboxReportActions messageId={m.id} onDone={setNotice} />
            )}
            <div className="row">
              <textarea
                aria-label={`Reply to ${m.subject || m.id} as the prospect`}
                rows={2}
                placeholder="Write a reply as the prospect…"
                value={drafts[m.id] ?? ""}
                onChange={(e) => setDrafts({ ...drafts, [m.id]: e.target.value })}
              />
              <div className="actions">
                <button
                  type="button"
                  disabled={!(drafts[m.id] ?? "").trim() || reply.isPending}
                  onClick={() => reply.mutate({ m, autoReply: false })}
                >
                  Reply as prospect
                </button>
                <button
                  type="button"
                  className="link"
                  disabled={reply.isPending}
                  onClick={() => reply.mutate({ m, autoReply: true })}
                >
                  Send out-of-office
                </button>
              </div>
            </div>
          </article>
        ))}
        {msgs.isSuccess && !list.length && <p className="muted">Nothing sent through the sandbox yet.</p>}
      </div>
    </section>
  );
}

/** A stable key for one answer: the message, the kind and the text (a small FNV-1a hash of it). */
function replyKey(id: string, autoReply: boolean, text: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${id}-${autoReply ? "ooo" : "reply"}-${(h >>> 0).toString(16)}`;
}
