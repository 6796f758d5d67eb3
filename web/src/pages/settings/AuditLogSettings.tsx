import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../api/client";
import { ErrorNote } from "../../components/Field";

const labels: Record<string, string> = {
  "sender.created": "Sender added",
  "sender.credentials_changed": "Sender server or password changed",
  "sender.deleted": "Sender removed",
  "sender.domain_check_overridden": "Failing domain check overridden (launch anyway)",
  "sender.tracking_domain_set": "Tracking domain set",
  "sequence.variant_winner_set": "A/B winner set",
  "sender.tracking_domain_removed": "Tracking domain removed",
  "sender.paused": "Sender paused",
  "sender.resumed": "Sender resumed",
  "integration.connected": "Integration connected or changed",
  "integration.disconnected": "Integration disconnected",
  "member.added": "Member added",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "sign_in.new_device": "Sign-in from a new device",
};

/** What changed is shown by name ("smtp.host, smtp.password"), never a value of a secret. */
function describe(details: Record<string, unknown>): string {
  if (Array.isArray(details.fields)) return (details.fields as string[]).join(", ");
  if (details.from && details.to) return `${String(details.from)} → ${String(details.to)}`;
  if (details.ip) return `${String(details.ip)} ${String(details.userAgent ?? "")}`.trim();
  if (details.role) return String(details.role);
  return "";
}

/** Credential and role changes and new-device sign-ins, newest first (owners and admins). */
export function AuditLogSettings({ canEdit }: { canEdit: boolean }) {
  const log = useQuery({
    queryKey: ["/api/audit-log"],
    queryFn: () => data(client.GET("/api/audit-log", { params: { query: { limit: 200 } } })),
    enabled: canEdit,
  });
  if (!canEdit) return <p className="muted">Only owners and admins read the audit log.</p>;
  return (
    <div className="stack">
      <p className="muted">
        Who changed sender passwords and servers, integrations, API keys and roles, and who signed in from a
        new device. Secrets themselves are never recorded.
      </p>
      <ErrorNote error={log.error ? (log.error as Error).message : null} />
      <table className="table">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>On</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {(log.data ?? []).map((e) => (
            <tr key={e.id}>
              <td className="small">{new Date(e.createdAt).toLocaleString()}</td>
              <td className="cell-text">{e.actor}</td>
              <td>{labels[e.action] ?? e.action}</td>
              <td className="cell-text">{e.target ?? ""}</td>
              <td className="small">{describe(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.isSuccess && !log.data.length && <p className="muted">Nothing recorded yet.</p>}
    </div>
  );
}
