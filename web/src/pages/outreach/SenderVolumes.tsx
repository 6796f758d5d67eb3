import type { Get } from "../../api/client";

type Volume = Get<"/api/sequences/{id}/dashboard">["senders"][number];

/** Volume per sender of a running sequence: today's sends against today's cap, totals, leads given. */
export function SenderVolumes({ senders }: { senders: Volume[] }) {
  if (!senders.length) return null;
  return (
    <table className="table" aria-label="Volume per sender">
      <thead>
        <tr>
          <th>Sender</th>
          <th title="Emails in the last 24 hours, in every sequence, against its cap today">Sent today</th>
          <th>Sent by this sequence</th>
          <th>Leads</th>
        </tr>
      </thead>
      <tbody>
        {senders.map((v) => (
          <tr key={v.senderAccountId}>
            <td>
              {v.name} <span className="muted small">{v.fromEmail}</span>
              {v.paused && <span className="badge">paused</span>}
              {!v.inRotation && <span className="muted small"> (no longer in the rotation)</span>}
            </td>
            <td>
              {v.sentToday} / {v.capToday}
            </td>
            <td>{v.sent}</td>
            <td>{v.leads}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
