import { Link } from "../../components/Link";
import { useCallback, useEffect, useState } from "react";
import { SchedulePreview } from "./SchedulePreview";
import { api } from "../../api";
import { ErrorNote } from "../../components/Field";
import { channelLabel } from "./PlaysPage";

type Step = {
  idx?: number;
  channel: string;
  delayDays: number;
  condition: string;
  subject: string;
  body: string;
};
type Seq = {
  id: string;
  name: string;
  status: string;
  runId: string;
  senderAccountId: string | null;
  trackOpens: boolean;
  trackClicks: boolean;
  steps: Step[];
  listIds: string[];
};
type Upcoming = {
  enrollmentId: string;
  leadId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  nextStepIndex: number;
  nextStepAt: string;
  zone: string;
  zoneSource: string;
};
type Attention = {
  enrollmentId: string;
  leadId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  state: string;
  reason: string | null;
};
type Dash = {
  states: Record<string, number>;
  atStep: { step: number; leads: number }[];
  sends: { step: number; status: string; n: number }[];
  upcoming: Upcoming[];
  attention: Attention[];
};

const fmt = (iso: string, zone?: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));
const who = (x: { firstName: string | null; lastName: string | null; email: string | null }) =>
  [x.firstName, x.lastName].filter(Boolean).join(" ") || x.email || "lead";

export function SequencesPage() {
  const [seqs, setSeqs] = useState<Seq[]>([]);
  useEffect(() => {
    api<Seq[]>("GET", "/api/sequences").then(setSeqs, () => {});
  }, []);
  return (
    <section>
      <header className="page-head">
        <h1>Sequences</h1>
        <p className="muted">Each sequence belongs to a run; create one from the run's page.</p>
      </header>
      <table className="table">
        <thead>
          <tr>
            <th>Sequence</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {seqs.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/sequences/${s.id}`}>{s.name}</Link>
              </td>
              <td>
                <span className="badge">{s.status}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!seqs.length && (
        <p className="muted">No sequences yet. Start from Plays → Start a run → Create sequence.</p>
      )}
    </section>
  );
}

export function SequenceDetail({ id, workspaceZone }: { id: string; workspaceZone: string }) {
  const [seq, setSeq] = useState<Seq | null>(null);
  const [steps, setSteps] = useState<Step[]>([]);
  const [dash, setDash] = useState<Dash | null>(null);
  const [senders, setSenders] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    const s = await api<Seq>("GET", `/api/sequences/${id}`);
    setSeq(s);
    setSteps(s.steps);
    setDash(await api<Dash>("GET", `/api/sequences/${id}/dashboard`));
  }, [id]);
  useEffect(() => {
    load().catch((e) => setError(e.message));
    api<{ id: string; name: string }[]>("GET", "/api/sender-accounts").then(setSenders, () => {});
  }, [load]);
  useEffect(() => {
    // The dashboard follows the scheduler while the sequence runs.
    if (seq?.status !== "active") return;
    const t = setInterval(() => load().catch(() => {}), 3000);
    return () => clearInterval(t);
  }, [seq?.status, load]);

  const act = async (fn: () => Promise<unknown>, done?: (r: unknown) => string) => {
    setError(null);
    setNotice(null);
    try {
      const r = await fn();
      if (done) setNotice(done(r));
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!seq) return <ErrorNote error={error} />;
  const draft = seq.status === "draft";
  const setStep = (i: number, patch: Partial<Step>) =>
    setSteps(steps.map((s, n) => (n === i ? { ...s, ...patch } : s)));

  return (
    <section>
      <header className="page-head row-between">
        <div>
          <Link to={`/runs/${seq.runId}`}>← Run</Link>
          <h1>{seq.name}</h1>
          <p className="muted">
            <span className="badge">{seq.status}</span> · sending window opens at 09:00 in each lead's time
            zone
          </p>
        </div>
        <div className="actions">
          <Link to={`/sequences/${id}/lab`}>Messaging Lab →</Link>
          <select
            aria-label="Sender account"
            value={seq.senderAccountId ?? ""}
            onChange={(e) =>
              act(() => api("PATCH", `/api/sequences/${id}`, { senderAccountId: e.target.value }))
            }
          >
            <option value="">No sender account</option>
            {senders.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <label className="check" title="Adds an invisible image; opens show in the Leads table">
            <input
              type="checkbox"
              checked={seq.trackOpens}
              onChange={(e) =>
                act(() => api("PATCH", `/api/sequences/${id}`, { trackOpens: e.target.checked }))
              }
            />{" "}
            Track opens
          </label>
          <label className="check" title="Links go through a signed redirect that counts the click">
            <input
              type="checkbox"
              checked={seq.trackClicks}
              onChange={(e) =>
                act(() => api("PATCH", `/api/sequences/${id}`, { trackClicks: e.target.checked }))
              }
            />{" "}
            Track clicks
          </label>
          {draft && (
            <button
              type="button"
              className="primary"
              onClick={() =>
                act(
                  () => api("POST", `/api/sequences/${id}/launch`),
                  (r) =>
                    `Launched: ${(r as { active: number }).active} leads active, ${(r as { blocked: number }).blocked} blocked`,
                )
              }
            >
              Launch
            </button>
          )}
          {seq.status === "active" && (
            <button type="button" onClick={() => act(() => api("POST", `/api/sequences/${id}/pause`))}>
              Pause sequence
            </button>
          )}
          {seq.status === "paused" && (
            <button type="button" onClick={() => act(() => api("POST", `/api/sequences/${id}/resume`))}>
              Resume sequence
            </button>
          )}
        </div>
      </header>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      <div className="card stack">
        <h3>Steps</h3>
        {steps.map((s, i) => (
          <div key={i} className="step-row">
            <strong>Step {i + 1}</strong>
            <select
              aria-label={`Step ${i + 1} channel`}
              disabled={!draft}
              value={s.channel}
              onChange={(e) => setStep(i, { channel: e.target.value })}
            >
              {Object.entries(channelLabel).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
            <label className="inline">
              {i === 0 ? "starts" : "after"}
              <input
                aria-label={`Step ${i + 1} delay in days`}
                type="number"
                min={0}
                disabled={!draft}
                value={s.delayDays}
                onChange={(e) => setStep(i, { delayDays: Number(e.target.value) })}
              />
              days
            </label>
            <select
              aria-label={`Step ${i + 1} condition`}
              disabled={!draft}
              value={s.condition}
              onChange={(e) => setStep(i, { condition: e.target.value })}
            >
              <option value="always">Always</option>
              <option value="no_reply">Only if no reply</option>
            </select>
            {s.channel === "email" && (
              <input
                aria-label={`Step ${i + 1} subject`}
                placeholder={i === 0 ? "Subject" : "Re: (same thread)"}
                disabled={!draft}
                value={s.subject}
                onChange={(e) => setStep(i, { subject: e.target.value })}
              />
            )}
            <textarea
              aria-label={`Step ${i + 1} message`}
              rows={3}
              disabled={!draft}
              value={s.body}
              onChange={(e) => setStep(i, { body: e.target.value })}
            />
            {draft && steps.length > 1 && (
              <button
                type="button"
                className="link danger"
                onClick={() => setSteps(steps.filter((_, n) => n !== i))}
              >
                Remove
              </button>
            )}
          </div>
        ))}
        {draft && (
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                setSteps([
                  ...steps,
                  {
                    channel: "email",
                    delayDays: 3,
                    condition: "no_reply",
                    subject: "",
                    body: "Hi {{first_name|there}},",
                  },
                ])
              }
            >
              Add step
            </button>
            <button
              type="button"
              className="primary"
              onClick={() =>
                act(
                  () => api("PUT", `/api/sequences/${id}/steps`, { steps }),
                  () => "Steps saved",
                )
              }
            >
              Save steps
            </button>
            <span className="muted small">
              Merge variables: {"{{first_name}}, {{company}}, {{custom_<field>}}, {{first_name|fallback}}"}.
              Nothing is sent with an empty one.
            </span>
          </div>
        )}
      </div>
      <SchedulePreview sequenceId={id} />
      {dash && !draft && (
        <div className="stack">
          <div className="report-cards">
            {["active", "paused", "replied", "completed"].map((k) => (
              <div key={k}>
                <b>{dash.states[k] ?? 0}</b> {k}
              </div>
            ))}
          </div>
          <p className="muted small">
            Other states:{" "}
            {Object.entries(dash.states)
              .filter(([k]) => !["active", "paused", "replied", "completed"].includes(k))
              .map(([k, v]) => `${v} ${k}`)
              .join(", ") || "none"}{" "}
            · Sent per step:{" "}
            {dash.sends
              .filter((x) => x.status === "sent")
              .map((x) => `step ${x.step}: ${x.n}`)
              .join(", ") || "nothing yet"}
          </p>
          <div className="card">
            <h3>Next sends</h3>
            <table className="table">
              <thead>
                <tr>
                  <th>Lead</th>
                  <th>Step</th>
                  <th>Lead's time</th>
                  <th>Workspace time ({workspaceZone})</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {dash.upcoming.map((u) => (
                  <tr key={u.enrollmentId}>
                    <td>{who(u)}</td>
                    <td>{u.nextStepIndex}</td>
                    <td>
                      {fmt(u.nextStepAt, u.zone)}{" "}
                      <span className="muted small">
                        ({u.zone}, from {u.zoneSource.replace("_", " ")})
                      </span>
                    </td>
                    <td>{fmt(u.nextStepAt, workspaceZone)}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => act(() => api("POST", `/api/enrollments/${u.enrollmentId}/pause`))}
                      >
                        Pause lead
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!dash.upcoming.length && <p className="muted">Nothing scheduled.</p>}
          </div>
          {dash.attention.length > 0 && (
            <div className="card">
              <h3>Needs attention</h3>
              <ul className="plain">
                {dash.attention.map((a) => (
                  <li key={a.enrollmentId}>
                    {who(a)} — <span className="badge">{a.state}</span> {a.reason}{" "}
                    {a.state === "paused" && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => act(() => api("POST", `/api/enrollments/${a.enrollmentId}/resume`))}
                      >
                        Resume
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
