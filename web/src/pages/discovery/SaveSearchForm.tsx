import { type FormEvent, useState } from "react";
import { ErrorNote, Field } from "../../components/Field";

export const MAX_COUNT = 2500;

/** Names the search and how many people to collect; the parent starts it. */
export function SaveSearchForm(p: {
  summary: string | null;
  onStart: (i: { name: string; count: number }) => Promise<string | null>;
}) {
  const [name, setName] = useState("");
  const [count, setCount] = useState("100");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const n = Number(count);
    const err = await p.onStart({ name: name.trim(), count: n });
    setBusy(false);
    if (err) return setError(err);
    setNotice(`Search started: collecting up to ${n.toLocaleString()} people into a new list.`);
    setName("");
  }

  return (
    <form className="card form-grid discovery-card" onSubmit={submit} aria-busy={busy}>
      <h2>3. Save the search</h2>
      <p className="muted small">
        Overture collects the people in the background into a new list (source “discovery”). Someone already
        in your workspace is added to the list, not created a second time.
      </p>
      <div className="row">
        <Field label="Search name" hint="Optional; also the name of the new list.">
          <input
            type="text"
            maxLength={200}
            placeholder={p.summary ? `Discovery: ${p.summary}` : "Named after the filters"}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label="How many people" hint={`1 to ${MAX_COUNT.toLocaleString()}.`}>
          <input
            type="number"
            required
            min={1}
            max={MAX_COUNT}
            step={1}
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Starting…" : "Start search"}
        </button>
        {notice && (
          <span className="ok" role="status">
            {notice}
          </span>
        )}
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
