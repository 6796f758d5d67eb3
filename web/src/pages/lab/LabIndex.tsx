import { useEffect, useState } from "react";
import { api } from "../../api";
import { Link } from "../../components/Link";

type Seq = { id: string; name: string; status: string; messageSource: string };

/** Which sequence's messages to work on. */
export function LabIndex() {
  const [seqs, setSeqs] = useState<Seq[] | null>(null);
  useEffect(() => {
    api<Seq[]>("GET", "/api/sequences").then(setSeqs, () => setSeqs([]));
  }, []);
  return (
    <section>
      <header className="page-head">
        <h1>Messaging Lab</h1>
        <p className="muted">
          Write each lead's messages, read them with the hook they use, edit, approve, and clear every
          readiness finding before launch.
        </p>
      </header>
      {seqs && !seqs.length && (
        <div className="empty">
          <h2>No sequences yet</h2>
          <p>Create a sequence in a run (Runs → a run → New sequence); its leads and messages appear here.</p>
        </div>
      )}
      <ul className="stack plain">
        {seqs?.map((s) => (
          <li key={s.id} className="card row-between">
            <div>
              <strong>{s.name}</strong>{" "}
              <span className="muted small">
                {s.messageSource === "personalised" ? "personalised messages" : "templates"}
              </span>
            </div>
            <span>
              <span className="badge">{s.status}</span>{" "}
              <Link to={`/sequences/${s.id}/lab`}>Open the lab →</Link>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
