import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../api/client";
import { ErrorNote } from "../../components/Field";

const kindLabel: Record<string, string> = {
  human_reply: "Reply",
  auto_reply: "Automatic reply",
  bounce: "Bounce",
  complaint: "Spam complaint",
  notice: "Notice",
};

/**
 * Mail read from a sender's inbox that matched none of our leads: kept for a person to read (a
 * bounce for an address no lead has any more, a colleague answering from another address).
 * Shown as plain text; inbound HTML is never rendered.
 */
export function UnmatchedMail() {
  const q = useQuery({
    queryKey: ["/api/inbox/unmatched"],
    queryFn: () => data(client.GET("/api/inbox/unmatched", { params: { query: { limit: 100 } } })),
  });
  const list = q.data ?? [];
  return (
    <div className="stack">
      <p className="muted">
        Mail that reached a sender's inbox but could not be tied to any lead. Nothing acts on it by itself.
      </p>
      <ErrorNote error={q.error?.message ?? null} />
      {q.isSuccess && !list.length && <p className="muted">No unmatched mail.</p>}
      {list.map((m) => (
        <article key={m.id} className="card mail">
          <div className="row-between">
            <div>
              <strong>{m.subject || "(no subject)"}</strong>
              <div className="muted small">
                From {m.fromAddress ?? "unknown"} · {kindLabel[m.kind] ?? m.kind}
                {m.bounceClass ? ` (${m.bounceClass})` : ""}
                {m.bouncedRecipient ? ` · failed recipient ${m.bouncedRecipient}` : ""}
                {m.senderName ? ` · read from ${m.senderName}` : ""} ·{" "}
                {new Date(m.receivedAt).toLocaleString()}
              </div>
            </div>
          </div>
          <pre className="body">{m.text}</pre>
        </article>
      ))}
    </div>
  );
}
