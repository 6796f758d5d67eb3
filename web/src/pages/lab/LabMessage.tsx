import { useState } from "react";

export type Message = {
  id: string;
  stepIndex: number;
  channel: "email" | "linkedin_invite" | "linkedin_message";
  subject: string;
  body: string;
  hook: { kind?: string; text?: string; source?: string | null };
  generator: "llm" | "builtin" | "human";
  model: string | null;
  usage: { inputTokens?: number; outputTokens?: number; costUsd?: number | null } | null;
  fallbackReason: string | null;
  status: "draft" | "approved";
  edited: boolean;
  approvedBy: string | null;
};

const CHANNEL = { email: "Email", linkedin_invite: "LinkedIn invite", linkedin_message: "LinkedIn message" };

/** One message of one lead: read it (with the hook it used), edit it, rewrite it, approve it. */
export function LabMessage(p: {
  message: Message;
  /** Who it is for, so a focused message is announced as "Step 2 for Ada Lovelace". */
  leadName: string;
  selected: boolean;
  onToggle(): void;
  onApprove(): void;
  onSave(patch: { subject: string; body: string }): void;
  onRegenerate(): void;
}) {
  const m = p.message;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState({ subject: m.subject, body: m.body });
  const limit = m.channel === "linkedin_invite" ? 300 : null;
  const length = [...text.body].length;
  return (
    <div
      className={`lab-message ${m.status}`}
      data-lab-message
      tabIndex={0}
      aria-label={`Step ${m.stepIndex} for ${p.leadName}`}
      onKeyDown={(e) => {
        // In the editor: Escape cancels, Ctrl/Cmd+Enter saves (the page's letters are off while typing).
        if (!editing) return;
        if (e.key === "Escape") {
          e.preventDefault();
          setText({ subject: m.subject, body: m.body });
          setEditing(false);
          e.currentTarget.focus();
        } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !(limit && length > limit)) {
          e.preventDefault();
          p.onSave(text);
          setEditing(false);
          e.currentTarget.focus();
        }
      }}
    >
      <div className="row-between small">
        <label className="check">
          <input
            type="checkbox"
            checked={p.selected}
            disabled={m.status === "approved"}
            onChange={p.onToggle}
            data-shortcut="x"
            aria-label={`Select step ${m.stepIndex}`}
          />{" "}
          <strong>
            Step {m.stepIndex} · {CHANNEL[m.channel]}
          </strong>
        </label>
        <span>
          <span className={`badge ${m.status === "approved" ? "state-ready" : ""}`}>
            {m.status === "approved"
              ? `Approved${m.approvedBy ? ` by ${m.approvedBy}` : ""}`
              : "Waiting for approval"}
          </span>{" "}
          {m.edited && <span className="badge">edited</span>}
        </span>
      </div>
      <div className="small muted">
        {m.hook.kind && m.hook.kind !== "none" ? (
          <>
            Hook: {m.hook.kind.replace("_", " ")}
            {m.hook.text ? ` — “${m.hook.text}”` : ""}
            {m.hook.source ? ` (${m.hook.source})` : ""}
          </>
        ) : (
          "No personal hook found"
        )}{" "}
        ·{" "}
        {m.generator === "llm"
          ? `written by ${m.model}`
          : m.generator === "builtin"
            ? "built-in writer"
            : "written by hand"}
        {m.usage?.inputTokens ? ` · ${m.usage.inputTokens + (m.usage.outputTokens ?? 0)} tokens` : ""}
        {m.usage?.costUsd ? ` · $${m.usage.costUsd}` : ""}
        {m.fallbackReason && <span title={m.fallbackReason}> · LLM fell back</span>}
      </div>
      {editing ? (
        <div className="stack">
          {m.channel === "email" && (
            <label>
              Subject
              <input value={text.subject} onChange={(e) => setText({ ...text, subject: e.target.value })} />
            </label>
          )}
          <label>
            Message
            <textarea
              rows={8}
              // Opened from the keyboard (e) or a click, the text is where typing goes.
              autoFocus
              value={text.body}
              onChange={(e) => setText({ ...text, body: e.target.value })}
            />
          </label>
          {limit && (
            <span className={`small ${length > limit ? "error" : "muted"}`}>
              {length} / {limit} characters
            </span>
          )}
        </div>
      ) : (
        <div>
          {m.subject && <div className="strong">{m.subject}</div>}
          <div className="mail-preview">{m.body}</div>
        </div>
      )}
      <div className="actions">
        {editing ? (
          <>
            <button
              type="button"
              className="primary"
              disabled={!!limit && length > limit}
              onClick={() => {
                p.onSave(text);
                setEditing(false);
              }}
            >
              Save
            </button>
            <button
              type="button"
              onClick={() => {
                setText({ subject: m.subject, body: m.body });
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </>
        ) : (
          <>
            {m.status !== "approved" && (
              <button type="button" className="primary" onClick={p.onApprove} data-shortcut="a">
                Approve
              </button>
            )}
            <button
              type="button"
              data-shortcut="e"
              onClick={() => {
                setText({ subject: m.subject, body: m.body });
                setEditing(true);
              }}
            >
              Edit
            </button>
            <button type="button" onClick={p.onRegenerate}>
              Regenerate
            </button>
          </>
        )}
      </div>
    </div>
  );
}
