import { Link } from "../../components/Link";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";
import type { InferredZone } from "../../components/zones/zoneTypes";
import { navigate } from "../../router";
import { fullName, type Lead, statusOptions } from "./leadTypes";
import { LinkedInWithdraw, WithdrawResult, type WithdrawOutcome } from "./LinkedInWithdraw";
import { LeadZone } from "./LeadZone";
import { PlusVibeUnibox } from "./PlusVibeUnibox";
import { CompanyWebsiteCard, type Enrichment } from "./CompanyWebsiteCard";
import { StatusBadge } from "./StatusBadge";
import { Timeline, type TimelineEvent } from "./Timeline";
import { ask } from "../../components/confirm";

type Detail = Lead & { lists: { id: string; name: string; addedAt: string }[]; enrichment: Enrichment };
const editable: [keyof Lead, string][] = [
  ["firstName", "First name"],
  ["lastName", "Last name"],
  ["email", "Email"],
  ["linkedinUrl", "LinkedIn URL"],
  ["company", "Company"],
  ["companyDomain", "Company domain"],
  ["jobTitle", "Job title"],
  ["headline", "Headline"],
  ["phone", "Phone"],
  ["location", "Location"],
  ["timezone", "Timezone"],
  ["industry", "Industry"],
  ["companySize", "Company size"],
  ["seniority", "Seniority"],
];

export function LeadDetail({ id }: { id: string }) {
  const [lead, setLead] = useState<Detail | null>(null);
  const [form, setForm] = useState<Record<string, string>>({});
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [working, setWorking] = useState<string | null>(null);
  // An outcome that went wrong (an invalid address, a failed enrichment) is not shown in green.
  const [notice, setNotice] = useState<{ text: string; bad: boolean } | null>(null);
  const [withdrawal, setWithdrawal] = useState<WithdrawOutcome | null>(null);

  const load = useCallback(async () => {
    try {
      const d = await api<Detail>("GET", `/api/leads/${id}`);
      setLead(d);
      setForm(
        Object.fromEntries([
          ...editable.map(([k]) => [k, (d[k] as string | null) ?? ""]),
          ["status", d.status],
        ]),
      );
      setEvents(await api<TimelineEvent[]>("GET", `/api/leads/${id}/timeline`));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [id]);
  useEffect(() => {
    load();
  }, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!lead) return;
    setError(null);
    setSaved(false);
    const patch: Record<string, string> = {};
    for (const [k, v] of Object.entries(form))
      if (v !== ((lead[k as keyof Lead] as string | null) ?? "")) patch[k] = v;
    if (!Object.keys(patch).length) return;
    try {
      await api("PATCH", `/api/leads/${id}`, patch);
      setSaved(true);
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  // Audits wait on the lead's web server (up to ~10 s), so the button says what is happening.
  async function run(
    label: string,
    path: string,
    done: (r: Record<string, unknown>) => string,
    bad: (r: Record<string, unknown>) => boolean = () => false,
  ) {
    setWorking(label);
    setError(null);
    setNotice(null);
    try {
      const r = await api<Record<string, unknown>>("POST", path);
      setNotice({ text: done(r), bad: bad(r) });
      await load();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setWorking(null);
    }
  }

  async function erase() {
    if (
      !lead ||
      !(await ask({
        title: `Delete ${fullName(lead)}?`,
        body: "The lead is deleted for good, with the whole timeline and messages. This cannot be undone.",
        confirm: "Delete for good",
        danger: true,
      }))
    )
      return;
    await api("DELETE", `/api/leads/${id}`);
    navigate("/leads");
  }

  if (!lead) return <ErrorNote error={error} />;
  return (
    <section>
      <header className="page-head row-between">
        <div>
          <Link to="/leads">← Leads</Link>
          <h1>{fullName(lead)}</h1>
          <p className="muted">
            {[lead.jobTitle, lead.company].filter(Boolean).join(" at ")}{" "}
            <StatusBadge status={lead.status} label={lead.statusLabel} />{" "}
            {lead.blocked && <span className="badge st-bounced">Blocked: {lead.blockedReason}</span>}
          </p>
        </div>
        <div className="actions">
          {lead.auditId && (
            <Link className="button" to={`/audits/${lead.auditId}`}>
              View audit ({lead.auditGrade})
            </Link>
          )}
          <button
            type="button"
            disabled={!!working}
            onClick={() =>
              run(
                "Auditing…",
                `/api/leads/${id}/audit`,
                (r) => `Audit done: grade ${r.grade}; an email draft is in Emails`,
              )
            }
          >
            {working === "Auditing…" ? working : "Audit website"}
          </button>
          <button
            type="button"
            disabled={!!working}
            onClick={() =>
              run(
                "Enriching…",
                `/api/leads/${id}/enrich`,
                (r) =>
                  `Enrichment: company ${r.company}${r.signals ? ` (${r.signals} signal(s))` : ""}, profile ${r.profile}${r.error ? ` — ${r.error}` : ""}`,
                (r) => r.company === "failed" || r.profile === "failed",
              )
            }
          >
            {working === "Enriching…" ? working : "Enrich"}
          </button>
          <button
            type="button"
            disabled={!!working}
            onClick={() =>
              run(
                "Verifying…",
                `/api/leads/${id}/verify-email`,
                (r) => `Email ${r.email ?? ""}: ${r.status ?? r.emailStatus ?? "checked"}`,
                (r) => r.status !== "valid",
              )
            }
          >
            {working === "Verifying…" ? working : lead.email ? "Verify email" : "Find email"}
          </button>
          <button
            type="button"
            disabled={!!working}
            onClick={() =>
              run("Writing…", `/api/leads/${id}/generate-email`, () => "Draft written: see Emails")
            }
          >
            {working === "Writing…" ? working : "Generate email"}
          </button>
          <button
            type="button"
            disabled={!!working}
            onClick={() =>
              run(
                "Writing back…",
                `/api/plusvibe/leads/${id}/writeback`,
                (r) =>
                  `PlusVibe writeback: ${Object.keys((r.variables as object) ?? {}).length} variable(s) sent for ${r.email}`,
              )
            }
          >
            {working === "Writing back…" ? working : "PlusVibe writeback"}
          </button>
          {lead.linkedinUrl && (
            <LinkedInWithdraw
              leadId={id}
              leadName={fullName(lead)}
              onResult={(r) => {
                setWithdrawal(r);
                if (r?.ok) load();
              }}
            />
          )}
          <a className="button" href={`/api/leads/${id}/export`} download>
            Export data (GDPR)
          </a>
          <button type="button" className="danger-btn" onClick={erase}>
            Delete for good
          </button>
        </div>
      </header>
      {notice && (
        <p className={notice.bad ? "error" : "ok"} role="status">
          {notice.text} {notice.text.includes("Emails") && <Link to="/emails">Open Emails</Link>}
        </p>
      )}
      <WithdrawResult result={withdrawal} />
      <div className="two-col">
        <form className="card form-grid" onSubmit={save}>
          <h3>Details</h3>
          <div className="grid2">
            {editable.map(([k, label]) => (
              <Field key={k} label={label}>
                <input value={form[k] ?? ""} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
              </Field>
            ))}
            <Field label="Status">
              <select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
                {statusOptions.map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {Object.keys(lead.customFields).length > 0 && (
            <div>
              <h3>Custom fields</h3>
              <dl className="kv">
                {Object.entries(lead.customFields).map(([k, v]) => (
                  <div key={k}>
                    <dt>
                      <code>{`{{custom_${k}}}`}</code>
                    </dt>
                    <dd>{v}</dd>
                  </div>
                ))}
              </dl>
            </div>
          )}
          <ErrorNote error={error} />
          <div className="actions">
            <button className="primary" type="submit">
              Save changes
            </button>
            {saved && (
              <span className="ok" role="status">
                Saved
              </span>
            )}
          </div>
        </form>
        <div className="stack">
          <div className="card">
            <h3>Lists</h3>
            {lead.lists.length ? (
              <ul className="plain">
                {lead.lists.map((l) => (
                  <li key={l.id}>
                    <Link to={`/leads?listId=${l.id}`}>{l.name}</Link>{" "}
                    <span className="muted small">since {new Date(l.addedAt).toLocaleDateString()}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">In no list.</p>
            )}
          </div>
          <CompanyWebsiteCard enrichment={lead.enrichment} />
          <LeadZone leadId={id} zone={(lead as { zone?: InferredZone }).zone} onSaved={load} />
          <PlusVibeUnibox leadId={id} leadName={fullName(lead)} email={lead.email} />
          <div className="card">
            <h3>Timeline</h3>
            <Timeline events={events} />
          </div>
        </div>
      </div>
    </section>
  );
}
