import type { Ref } from "react";
import type { Get } from "../../api/client";
import { classificationLabel } from "./classifications";

export type Thread = Get<"/api/inbox">[number];
export const threadKey = (t: Pick<Thread, "leadId" | "channel">) => `${t.leadId}-${t.channel}`;

/**
 * The conversations as a listbox: the open one is selected; the one the keys stand on (`cursor`) is
 * the list's single tab stop, so Tab comes back to it.
 */
export function ConversationList(p: {
  threads: Thread[];
  open: string | null;
  cursor: string | null;
  onOpen: (t: Thread) => void;
  onCursor: (key: string) => void;
  listRef: Ref<HTMLDivElement>;
}) {
  const stop = p.cursor ?? p.open ?? threadKey(p.threads[0]);
  return (
    <div role="listbox" aria-label="Conversations" aria-describedby="inbox-keys" ref={p.listRef}>
      {p.threads.map((t) => {
        const k = threadKey(t);
        return (
          <button
            type="button"
            key={k}
            data-key={k}
            role="option"
            tabIndex={k === stop ? 0 : -1}
            aria-selected={p.open === k}
            className={`draft-card ${p.open === k ? "active" : ""} ${k === p.cursor ? "cursor" : ""} ${t.unread ? "unread" : ""}`}
            onClick={() => p.onOpen(t)}
            onFocus={() => p.onCursor(k)}
          >
            <div className="row-between">
              <span className="strong">
                {t.unread > 0 && <span className="dot" aria-label="unread" />} {t.name}
              </span>
              <span className="small muted">{new Date(t.lastAt).toLocaleString()}</span>
            </div>
            <div className="small">
              <span className="badge">{t.channel === "email" ? "Email" : "LinkedIn"}</span>{" "}
              {t.company ?? t.email ?? ""}
            </div>
            <div className="small muted snippet">{t.snippet}</div>
            <div className="small">
              <span className={`badge cls-${t.classification ?? "none"}`}>
                {t.classificationIsSuggestion ? "Suggested: " : ""}
                {classificationLabel(t.classification)}
              </span>
            </div>
          </button>
        );
      })}
    </div>
  );
}
