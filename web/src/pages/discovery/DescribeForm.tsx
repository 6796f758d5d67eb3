import type { FormEvent, KeyboardEvent } from "react";
import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { errorText, type Interpretation } from "./discoveryTypes";

/** Plain words in, filters out; Ctrl/Cmd+Enter submits from the text area. */
export function DescribeForm(p: {
  text: string;
  onText: (t: string) => void;
  onInterpreted: (i: Interpretation) => void;
}) {
  const interpret = useAction(
    (text: string) =>
      data(client.POST("/api/discovery/interpret", { body: { text } })) as Promise<Interpretation>,
    { inline: true, onSuccess: (r) => p.onInterpreted(r) },
  );
  const busy = interpret.isPending;
  const result = interpret.data;

  function submit(e: FormEvent) {
    e.preventDefault();
    interpret.mutate(p.text);
  }
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <form className="card form-grid discovery-card" onSubmit={submit} aria-busy={busy}>
      <h2>1. Describe the people</h2>
      <Field
        label="Describe who you want to reach"
        hint="For example: Heads of marketing at SaaS companies in Germany with 50–200 employees. Ctrl+Enter (⌘+Enter on a Mac) turns it into filters."
      >
        <textarea
          rows={3}
          required
          maxLength={2000}
          value={p.text}
          onChange={(e) => p.onText(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !p.text.trim()}>
          {busy ? "Reading…" : "Turn into filters"}
        </button>
        {result && (
          <span className="muted" role="status">
            {result.via === "llm" ? "Interpreted by the LLM" : "Interpreted by the built-in parser"}
            {result.summary ? `: ${result.summary}` : ""}
          </span>
        )}
      </div>
      {result?.note && <p className="muted small">Why not the LLM: {result.note}</p>}
      <ErrorNote error={interpret.error ? errorText(interpret.error) : null} />
    </form>
  );
}
