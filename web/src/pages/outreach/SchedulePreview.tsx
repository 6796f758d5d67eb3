import { type FormEvent, useState } from "react";
import { client, data, type Get } from "../../api/client";
import { ErrorNote } from "../../components/Field";
import { ZoneBadge } from "../../components/zones/ZoneBadge";

type Preview = Get<"/api/sequences/{id}/preview">;
type Step = Preview["steps"][number];
type LeadHit = Get<"/api/leads">["items"][number];
type PreviewQuery = { leadId?: string; location?: string; phone?: string; timezone?: string };

const channelLabels: Record<string, string> = {
  email: "Email",
  linkedin_invite: "LinkedIn invitation",
  linkedin_message: "LinkedIn message",
};
const statusLabels: Record<Step["status"], string> = {
  sent: "sent",
  scheduled: "would go",
  skipped: "skipped",
  not_scheduled: "not scheduled",
};

/**
 * When each step would go for one lead — a stored one, or a made-up one described by a location,
 * phone or zone — computed by the server with the scheduler's own code.
 */
export function SchedulePreview({ sequenceId }: { sequenceId: string }) {
  const [search, setSearch] = useState("");
  const [hits, setHits] = useState<LeadHit[]>([]);
  const [where, setWhere] = useState("");
  const [asOf, setAsOf] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function show(q: PreviewQuery) {
    setError(null);
    try {
      const query = { ...q, ...(asOf ? { asOf: new Date(asOf).toISOString() } : {}) };
      setPreview(
        await data(
          client.GET("/api/sequences/{id}/preview", { params: { path: { id: sequenceId }, query } }),
        ),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  }
  async function find(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await data(client.GET("/api/leads", { params: { query: { limit: 8, search } } }));
      setHits(r.items);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  const hypothetical = (e: FormEvent) => {
    e.preventDefault();
    const v = where.trim();
    show(
      v.startsWith("+") || /^00\d/.test(v)
        ? { phone: v }
        : v.includes("/")
          ? { timezone: v }
          : { location: v },
    );
  };
  const name = (l: LeadHit) => [l.firstName, l.lastName].filter(Boolean).join(" ") || l.email || l.id;

  return (
    <div className="card" aria-label="Schedule preview">
      <h3>When would each step go?</h3>
      <div className="row">
        <form className="row" onSubmit={find}>
          <input placeholder="Find a lead" value={search} onChange={(e) => setSearch(e.target.value)} />
          <button type="submit">Find</button>
        </form>
        <form className="row" onSubmit={hypothetical}>
          <input
            placeholder="…or a location, +phone or zone"
            value={where}
            onChange={(e) => setWhere(e.target.value)}
            aria-label="Location, phone number or time zone of a lead not yet enrolled"
          />
          <button type="submit" disabled={!where.trim()}>
            Preview
          </button>
        </form>
        <label className="small">
          as of{" "}
          <input
            type="datetime-local"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            aria-label="As of"
          />
        </label>
      </div>
      {hits.length > 0 && (
        <p className="small">
          {hits.map((h) => (
            <button key={h.id} type="button" className="link" onClick={() => show({ leadId: h.id })}>
              {name(h)}
            </button>
          ))}
        </p>
      )}
      <ErrorNote error={error} />
      {preview && (
        <>
          <p>
            {preview.lead.name ?? "A lead not yet enrolled"}
            {preview.enrollment ? ` (enrolled, ${preview.enrollment.state})` : ""}:{" "}
            <ZoneBadge zone={preview.zone} />
          </p>
          <p className="muted small">{preview.zone.explanation}</p>
          <table className="table">
            <thead>
              <tr>
                <th>Step</th>
                <th>Channel</th>
                <th>Condition</th>
                <th>Status</th>
                <th>Lead's time ({preview.zone.zone})</th>
                <th>Workspace time ({preview.workspaceZone})</th>
              </tr>
            </thead>
            <tbody>
              {preview.steps.map((s) => (
                <tr key={s.index}>
                  <td>
                    {s.index} <span className="muted small">+{s.delayDays} d</span>
                    {s.pathLabel && <span className="badge">{s.pathLabel}</span>}
                  </td>
                  <td>{channelLabels[s.channel] ?? s.channel}</td>
                  <td>{s.condition === "no_reply" ? "only if no reply" : "always"}</td>
                  {/* The reason wraps: "moved from Fri 25 Dec: Christmas Day (DE)" must be read whole. */}
                  <td className="wrap">
                    <span className="badge">{statusLabels[s.status]}</span>{" "}
                    {s.reason && <span className="muted small">{s.reason}</span>}
                  </td>
                  <td>{s.leadLocal ?? "—"}</td>
                  <td>{s.workspaceLocal ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <StepMessages steps={preview.steps} />
        </>
      )}
    </div>
  );
}

/** What the lead receives at each step: the lead's own variant of the template, as it is sent. */
function StepMessages({ steps }: { steps: Step[] }) {
  const shown = steps.filter((s) => s.message);
  if (!shown.length) return null;
  return (
    <div className="stack" aria-label="What this lead receives">
      <h4>What this lead receives</h4>
      {shown.map((s) => (
        <div key={s.index} aria-label={`Step ${s.index} as sent`}>
          <p className="small muted">
            Step {s.index}
            {s.message!.variant && ` (variant ${s.message!.variant})`}
            {s.message!.subject && (
              <>
                : <strong>{s.message!.subject}</strong>
              </>
            )}
          </p>
          <div className="mail-preview">{s.message!.body}</div>
          {s.message!.problem && <p className="error small">{s.message!.problem}</p>}
        </div>
      ))}
    </div>
  );
}
