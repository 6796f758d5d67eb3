import { useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";
import { Link } from "../../components/Link";
import { CLASSIFICATIONS, classificationLabel } from "./classifications";

type Item = {
  id: string;
  direction: "in" | "out";
  source: "sequence" | "inbox" | "prospect";
  at: string;
  subject: string;
  text: string;
  status?: string;
  stepIndex?: number;
  by?: string;
  kind?: string;
  classification?: string | null;
  suggestedClassification?: string | null;
  classifiedBy?: string | null;
};
type ThreadView = {
  lead: { id: string; name: string; email: string | null; company: string | null; status: string };
  channel: "email" | "linkedin";
  items: Item[];
};

/** One conversation: read it (text only, never inbound HTML), classify each answer, and reply in the thread. */
export function Conversation(p: { leadId: string; channel: "email" | "linkedin"; onChanged: () => void }) {
  const [view, setView] = useState<ThreadView | null>(null);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api<ThreadView>("GET", `/api/inbox/leads/${p.leadId}/${p.channel}`).then(setView, (e) =>
        setError(e.message),
      ),
    [p.leadId, p.channel],
  );
  useEffect(() => {
    load().then(p.onChanged);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  async function send() {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await api("POST", `/api/inbox/leads/${p.leadId}/${p.channel}/reply`, { text });
      setText("");
      setNotice("Sent in the same thread.");
      await load();
    } catch (e) {
      setError((e as Error).message);
      await load();
    } finally {
      setBusy(false);
    }
  }
  async function classify(id: string, classification: string, markConverted: boolean) {
    setError(null);
    try {
      await api("POST", `/api/inbox/messages/${id}/classify`, { classification, markConverted });
      setNotice(
        classification === "unsubscribe_request"
          ? "Classified; the lead is unsubscribed and every sequence stopped."
          : markConverted
            ? "Classified; the lead is now Converted."
            : "Classified.",
      );
      await load();
      p.onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (!view) return <ErrorNote error={error} />;
  return (
    <>
      <div className="row-between">
        <div>
          <Link to={`/leads/${view.lead.id}`}>
            <strong>{view.lead.name}</strong>
          </Link>{" "}
          <span className="muted small">
            {view.lead.company ?? ""} · {view.channel === "email" ? view.lead.email : "LinkedIn"} ·{" "}
            {view.lead.status}
          </span>
        </div>
      </div>
      <div className="thread">
        {view.items.map((i) => (
          <div key={i.id} className={`bubble ${i.direction}`}>
            <div className="small muted">
              {i.direction === "in"
                ? `${view.lead.name}${i.kind && i.kind !== "human_reply" ? ` · ${i.kind.replace("_", " ")}` : ""}`
                : i.source === "sequence"
                  ? `Sequence step ${i.stepIndex}${i.status !== "sent" ? ` · ${i.status}` : ""}`
                  : `You (${i.by})${i.status !== "sent" ? ` · ${i.status}` : ""}`}{" "}
              · {new Date(i.at).toLocaleString()}
            </div>
            {i.subject && <div className="strong small">{i.subject}</div>}
            <div className="mail-preview">{i.text}</div>
            {i.direction === "in" && <Classify item={i} onSave={classify} />}
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
          rows={5}
          value={text}
          placeholder={
            p.channel === "email" ? "Your answer, sent in the same email thread" : "Your LinkedIn message"
          }
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) send();
          }}
        />
      </Field>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !text.trim()} onClick={send}>
          {busy ? "Sending…" : "Send reply"}
        </button>
        <span className="muted small">Ctrl+Enter sends</span>
      </div>
    </>
  );
}

function Classify({
  item,
  onSave,
}: {
  item: Item;
  onSave: (id: string, c: string, convert: boolean) => void;
}) {
  const [value, setValue] = useState(item.classification ?? item.suggestedClassification ?? "other");
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
        onChange={(e) => setValue(e.target.value)}
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
      <button type="button" onClick={() => onSave(item.id, value, positive && convert)}>
        {item.classification ? "Change" : "Confirm"}
      </button>
    </div>
  );
}
