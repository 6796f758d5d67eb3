import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type RefObject, useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { Link } from "../../components/Link";
import { type Classification, CLASSIFICATIONS, classificationLabel } from "./classifications";

type Item = Get<"/api/inbox/leads/{id}/{channel}">["items"][number];
type Answer = Extract<Item, { direction: "in" }>;
type Channel = "email" | "linkedin";
/** The list and the home page's counts change when a conversation is read, classified or answered. */
export const inboxListKeys = [["/api/inbox"], ["/api/home"]];

/** One conversation: read it (text only, never inbound HTML), classify each answer, and reply in the thread. */
export function Conversation(p: {
  leadId: string;
  channel: Channel;
  replyRef?: RefObject<HTMLTextAreaElement | null>;
  onLeaveReply?: () => void;
}) {
  const qc = useQueryClient();
  const path = { params: { path: { id: p.leadId, channel: p.channel } } };
  const key = ["/api/inbox/leads/{id}/{channel}", p.leadId, p.channel];
  const view = useQuery({
    queryKey: key,
    queryFn: async () => {
      const r = await data(client.GET("/api/inbox/leads/{id}/{channel}", path));
      // Opening a conversation marks it read.
      for (const k of inboxListKeys) void qc.invalidateQueries({ queryKey: k });
      return r;
    },
    meta: { inline: true },
  });
  const [text, setText] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const invalidate = [key, ...inboxListKeys];
  const reply = useAction(
    (t: string) => data(client.POST("/api/inbox/leads/{id}/{channel}/reply", { ...path, body: { text: t } })),
    {
      inline: true,
      invalidate,
      onSuccess: () => {
        setText("");
        setNotice("Sent in the same thread.");
      },
    },
  );
  const classify = useAction(
    (v: { id: string; classification: Classification; markConverted: boolean }) =>
      data(
        client.POST("/api/inbox/messages/{id}/classify", {
          params: { path: { id: v.id } },
          body: { classification: v.classification, markConverted: v.markConverted },
        }),
      ),
    {
      inline: true,
      invalidate,
      onSuccess: (_, v) =>
        setNotice(
          v.classification === "unsubscribe_request"
            ? "Classified; the lead is unsubscribed and every sequence stopped."
            : v.markConverted
              ? "Classified; the lead is now Converted."
              : "Classified.",
        ),
    },
  );
  function send() {
    if (!text.trim() || reply.isPending) return;
    setNotice(null);
    classify.reset();
    // A refused send is kept in the thread with its error: show it.
    reply.mutate(text, { onError: () => void view.refetch() });
  }
  const error = reply.error?.message ?? classify.error?.message ?? view.error?.message ?? null;

  const v = view.data;
  if (!v) return <ErrorNote error={error} />;
  return (
    <>
      <div className="row-between">
        <div>
          <Link to={`/leads/${v.lead.id}`}>
            <strong>{v.lead.name}</strong>
          </Link>{" "}
          <span className="muted small">
            {v.lead.company ?? ""} · {v.channel === "email" ? v.lead.email : "LinkedIn"} · {v.lead.status}
          </span>
        </div>
      </div>
      <div className="thread">
        {v.items.map((i) => (
          <div key={i.id} className={`bubble ${i.direction}`}>
            <div className="small muted">
              {i.direction === "in"
                ? `${v.lead.name}${i.kind !== "human_reply" ? ` · ${i.kind.replace("_", " ")}` : ""}`
                : i.source === "sequence"
                  ? `Sequence step ${i.stepIndex}${i.status !== "sent" ? ` · ${i.status}` : ""}`
                  : `You (${i.by})${i.status !== "sent" ? ` · ${i.status}` : ""}`}{" "}
              · {new Date(i.at).toLocaleString()}
            </div>
            {i.subject && <div className="strong small">{i.subject}</div>}
            <div className="mail-preview">{i.text}</div>
            {i.direction === "in" && (
              <Classify
                item={i}
                busy={classify.isPending}
                onSave={(classification, markConverted) => {
                  reply.reset();
                  classify.mutate({ id: i.id, classification, markConverted });
                }}
              />
            )}
          </div>
        ))}
      </div>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      <Field label="Reply">
        <textarea
          ref={p.replyRef}
          rows={5}
          value={text}
          placeholder={
            p.channel === "email" ? "Your answer, sent in the same email thread" : "Your LinkedIn message"
          }
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) send();
            if (e.key === "Escape") p.onLeaveReply?.();
          }}
        />
      </Field>
      <div className="actions">
        <button type="button" className="primary" disabled={reply.isPending || !text.trim()} onClick={send}>
          {reply.isPending ? "Sending…" : "Send reply"}
        </button>
        <span className="muted small">Ctrl+Enter sends · Esc back to the list</span>
      </div>
    </>
  );
}

function Classify({
  item,
  busy,
  onSave,
}: {
  item: Answer;
  busy: boolean;
  onSave: (c: Classification, convert: boolean) => void;
}) {
  const [value, setValue] = useState(
    (item.classification ?? item.suggestedClassification ?? "other") as Classification,
  );
  const [convert, setConvert] = useState(false);
  const positive = value === "interested" || value === "meeting_booked";
  return (
    <div className="actions small classify">
      <span className="muted">
        {item.classification
          ? `Classified: ${classificationLabel(item.classification)}${item.classifiedBy ? ` by ${item.classifiedBy}` : ""}`
          : item.suggestedClassification
            ? `Suggested: ${classificationLabel(item.suggestedClassification)}`
            : "Not classified"}
      </span>
      <select
        aria-label="Classification of this message"
        value={value}
        onChange={(e) => setValue(e.target.value as Classification)}
      >
        {CLASSIFICATIONS.map(([k, l]) => (
          <option key={k} value={k}>
            {l}
          </option>
        ))}
      </select>
      {positive && (
        <label className="check">
          <input type="checkbox" checked={convert} onChange={(e) => setConvert(e.target.checked)} /> Mark the
          lead converted
        </label>
      )}
      <button type="button" disabled={busy} onClick={() => onSave(value, positive && convert)}>
        {item.classification ? "Change" : "Confirm"}
      </button>
    </div>
  );
}
