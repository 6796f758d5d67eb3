import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { client, data, isNotFound } from "../../api/client";
import { useAction } from "../../api/useAction";
import { useDraft } from "../../api/useDraft";
import { ErrorNote, Field } from "../../components/Field";
import { Link } from "../../components/Link";
import { NotFound } from "../../components/NotFound";
import type { InferredZone } from "../../components/zones/zoneTypes";
import { navigate } from "../../router";
import { editable, fullName, type Lead, statusOptions } from "./leadTypes";
import { LinkedInWithdraw, WithdrawResult, type WithdrawOutcome } from "./LinkedInWithdraw";
import { LeadZone } from "./LeadZone";
import { PlusVibeUnibox } from "./PlusVibeUnibox";
import { CompanyWebsiteCard, type Enrichment } from "./CompanyWebsiteCard";
import { StatusBadge } from "./StatusBadge";
import { Timeline } from "./Timeline";
import { ask } from "../../components/confirm";
import { useState } from "react";

/** One of the header's actions: what the button says meanwhile, and the sentence it ends with. */
type Task = { label: string; call: () => Promise<{ text: string; bad?: boolean }> };

export function LeadDetail({ id }: { id: string }) {
  const path = { params: { path: { id } } };
  const detailKey = ["/api/leads/{id}", id];
  const timelineKey = ["/api/leads/{id}/timeline", id];
  const detail = useQuery({
    queryKey: detailKey,
    queryFn: () => data(client.GET("/api/leads/{id}", path)),
    meta: { inline: true },
  });
  const timeline = useQuery({
    queryKey: timelineKey,
    queryFn: () => data(client.GET("/api/leads/{id}/timeline", path)),
  });
  const lead = detail.data;
  const draft = useDraft<Record<string, string>>(
    lead &&
      Object.fromEntries([
        ...editable.map(([k]) => [k, (lead[k] as string | null) ?? ""]),
        ["status", lead.status],
      ]),
  );
  const form = draft.value ?? {};
  const [withdrawal, setWithdrawal] = useState<WithdrawOutcome | null>(null);
  const refresh = { inline: true, invalidate: [detailKey, timelineKey, ["/api/leads"]] };
  const save = useAction(
    (body: Record<string, string>) => data(client.PATCH("/api/leads/{id}", { ...path, body })),
    { ...refresh, onSuccess: () => draft.reset() },
  );
  // Audits wait on the lead's web server (up to ~10 s), so the button says what is happening.
  // An outcome that went wrong (an invalid address, a failed enrichment) is not shown in green.
  const act = useAction((t: Task) => t.call(), refresh);
  const working = act.isPending ? act.variables.label : null;
  const start = (t: Task) => {
    save.reset();
    act.mutate(t);
  };
  const erase = useAction(() => data(client.DELETE("/api/leads/{id}", path)), {
    inline: true,
    onSuccess: () => navigate("/leads"),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!lead) return;
    act.reset();
    const patch: Record<string, string> = {};
    for (const [k, v] of Object.entries(form))
      if (v !== ((lead[k as keyof Lead] as string | null) ?? "")) patch[k] = v;
    if (Object.keys(patch).length) save.mutate(patch);
  }

  async function confirmErase() {
    if (
      lead &&
      (await ask({
        title: `Delete ${fullName(lead)}?`,
        body: "The lead is deleted for good, with the whole timeline and messages. This cannot be undone.",
        confirm: "Delete for good",
        danger: true,
      }))
    )
      erase.mutate();
  }

  if (detail.isError)
    return isNotFound(detail.error) ? <NotFound what="lead" /> : <ErrorNote error={detail.error.message} />;
  if (!lead) return <p className="loading">Loading…</p>;
  const notice = act.data;
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
              start({
                label: "Auditing…",
                call: async () => {
                  const r = await data(client.POST("/api/leads/{id}/audit", path));
                  return { text: `Audit done: grade ${r.grade}; an email draft is in Emails` };
                },
              })
            }
          >
            {working === "Auditing…" ? working : "Audit website"}
          </button>
          <button
            type="button"
            disabled={!!working}
            onClick={() =>
              start({
                label: "Enriching…",
                call: async () => {
                  const r = await data(client.POST("/api/leads/{id}/enrich", path));
                  return {
                    text: `Enrichment: company ${r.company}${r.signals ? ` (${r.signals} signal(s))` : ""}, profile ${r.profile}${r.error ? ` — ${r.error}` : ""}`,
                    bad: r.company === "failed" || r.profile === "failed",
                  };
                },
              })
            }
          >
            {working === "Enriching…" ? working : "Enrich"}
          </button>
          <button
            type="button"
            disabled={!!working}
            onClick={() =>
              start({
                label: "Verifying…",
                call: async () => {
                  const r = await data(client.POST("/api/leads/{id}/verify-email", path));
                  return { text: `Email ${r.email ?? ""}: ${r.status}`, bad: r.status !== "valid" };
                },
              })
            }
          >
            {working === "Verifying…" ? working : lead.email ? "Verify email" : "Find email"}
          </button>
          <button
            type="button"
            disabled={!!working}
            onClick={() =>
              start({
                label: "Writing…",
                call: async () => {
                  await data(client.POST("/api/leads/{id}/generate-email", path));
                  return { text: "Draft written: see Emails" };
                },
              })
            }
          >
            {working === "Writing…" ? working : "Generate email"}
          </button>
          <button
            type="button"
            disabled={!!working}
            onClick={() =>
              start({
                label: "Writing back…",
                call: async () => {
                  const r = await data(client.POST("/api/plusvibe/leads/{id}/writeback", path));
                  return {
                    text: `PlusVibe writeback: ${Object.keys(r.variables).length} variable(s) sent for ${r.email}`,
                  };
                },
              })
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
                if (r?.ok) {
                  detail.refetch();
                  timeline.refetch();
                }
              }}
            />
          )}
          <a className="button" href={`/api/leads/${id}/export`} download>
            Export data (GDPR)
          </a>
          <button type="button" className="danger-btn" disabled={erase.isPending} onClick={confirmErase}>
            Delete for good
          </button>
        </div>
      </header>
      {notice && (
        <p className={notice.bad ? "error" : "ok"} role="status">
          {notice.text} {notice.text.includes("Emails") && <Link to="/emails">Open Emails</Link>}
        </p>
      )}
      <ErrorNote error={act.error?.message ?? erase.error?.message ?? null} />
      <WithdrawResult result={withdrawal} />
      <div className="two-col">
        <form className="card form-grid" onSubmit={submit}>
          <h3>Details</h3>
          <div className="grid2">
            {editable.map(([k, label]) => (
              <Field key={k} label={label}>
                <input value={form[k] ?? ""} onChange={(e) => draft.set(k, e.target.value)} />
              </Field>
            ))}
            <Field label="Status">
              <select value={form.status} onChange={(e) => draft.set("status", e.target.value)}>
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
          <ErrorNote error={save.error?.message ?? null} />
          <div className="actions">
            <button className="primary" type="submit" disabled={save.isPending}>
              Save changes
            </button>
            {save.isSuccess && (
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
          <CompanyWebsiteCard enrichment={lead.enrichment as Enrichment} />
          <LeadZone leadId={id} zone={(lead as { zone?: InferredZone }).zone} />
          <PlusVibeUnibox leadId={id} leadName={fullName(lead)} email={lead.email} />
          <div className="card">
            <h3>Timeline</h3>
            <Timeline events={timeline.data ?? []} />
            <ErrorNote error={timeline.error?.message ?? null} />
          </div>
        </div>
      </div>
    </section>
  );
}
