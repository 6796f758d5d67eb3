import { useState, useSyncExternalStore } from "react";
import { Dialog } from "./Dialog";

/**
 * `await ask({...})` in place of window.confirm()/prompt(): one dialog host in the shell shows the
 * question; the promise resolves with true/false, or the typed text for a question with a field.
 */
type Question = {
  title: string;
  body?: string;
  confirm: string;
  danger?: boolean;
  field?: { label: string; initial?: string };
};
type Pending = Question & { resolve: (v: string | boolean | null) => void };

let pending: Pending | null = null;
const listeners = new Set<() => void>();
const set = (p: Pending | null) => {
  pending = p;
  listeners.forEach((l) => l());
};

export function ask(q: Question & { field?: undefined }): Promise<boolean>;
export function ask(q: Question & { field: { label: string; initial?: string } }): Promise<string | null>;
export function ask(q: Question): Promise<string | boolean | null> {
  pending?.resolve(q.field ? null : false);
  return new Promise((resolve) => set({ ...q, resolve }));
}

export function ConfirmHost() {
  const q = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
  return q ? <QuestionDialog key={q.title + (q.body ?? "")} q={q} /> : null;
}

function QuestionDialog({ q }: { q: Pending }) {
  const [text, setText] = useState(q.field?.initial ?? "");
  const answer = (ok: boolean) => {
    set(null);
    q.resolve(q.field ? (ok && text.trim() ? text.trim() : null) : ok);
  };
  return (
    <Dialog
      open
      title={q.title}
      onClose={() => answer(false)}
      actions={
        <>
          <button type="button" className="secondary" onClick={() => answer(false)}>
            Cancel
          </button>
          <button
            type="submit"
            form="confirm-form"
            className={q.danger ? "danger" : undefined}
            disabled={q.field ? !text.trim() : false}
          >
            {q.confirm}
          </button>
        </>
      }
    >
      <form
        id="confirm-form"
        onSubmit={(e) => {
          e.preventDefault();
          answer(true);
        }}
      >
        {q.body && <p>{q.body}</p>}
        {q.field && (
          <label className="field">
            <span className="field-label">{q.field.label}</span>
            <input autoFocus value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        )}
      </form>
    </Dialog>
  );
}
