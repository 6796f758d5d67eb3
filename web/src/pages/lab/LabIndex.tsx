import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../api/client";
import { Link } from "../../components/Link";

/** Which sequence's messages to work on. */
export function LabIndex() {
  // The same cache entry as the sequence filters; an error reaches the notices region.
  const seqs = useQuery({
    queryKey: ["/api/sequences"],
    queryFn: () => data(client.GET("/api/sequences")),
  }).data;
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
