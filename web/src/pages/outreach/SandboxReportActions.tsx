import { useState } from "react";
import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";

const reports = [
  ["user_unknown", "Address does not exist"],
  ["mailbox_full", "Mailbox full (temporary)"],
  ["policy", "Refused as spam (policy)"],
  ["no_reference", "Bounce without a reference"],
  ["complaint", "Marked as spam (complaint)"],
] as const;
type Kind = (typeof reports)[number][0];

/**
 * Try what a bounce or a complaint does: the sandbox receives a delivery report written the way real
 * mail servers write it, and reads it like mail from an inbox.
 */
export function SandboxReportActions({
  messageId,
  onDone,
}: {
  messageId: string;
  onDone: (text: string) => void;
}) {
  const [kind, setKind] = useState<Kind>("user_unknown");
  const report = useAction(
    (k: Kind) =>
      data(
        client.POST("/api/sandbox/messages/{id}/report", {
          params: { path: { id: messageId } },
          body: { kind: k },
        }),
      ),
    {
      invalidate: [["/api/sandbox/messages"], ["/api/sender-accounts/health"], ["/api/home"], ["/api/leads"]],
      onSuccess: (r) =>
        onDone(
          !r.recorded
            ? "That report was received before; nothing changed."
            : r.kind === "complaint"
              ? "Spam complaint recorded: the lead is unsubscribed and the address suppressed. See the lead's timeline."
              : `Delivery report recorded (${r.reason}). See the lead's timeline for what it did.`,
        ),
    },
  );
  return (
    <div className="row small">
      <select
        aria-label="Delivery report to receive"
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
      >
        {reports.map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
      <button type="button" className="link" disabled={report.isPending} onClick={() => report.mutate(kind)}>
        Receive this report
      </button>
    </div>
  );
}
