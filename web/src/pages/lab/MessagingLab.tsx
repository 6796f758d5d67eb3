import { useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { LaunchButton } from "../outreach/LaunchButton";
import { LabMessage, type Message } from "./LabMessage";

type Finding = { code: string; severity: "blocking" | "warning"; message: string; stepIndex?: number };
type LabLead = {
  id: string;
  name: string;
  email: string | null;
  emailStatus: string | null;
  company: string | null;
  jobTitle: string | null;
  state: "ready" | "warning" | "blocking";
  findings: Finding[];
  messages: Message[];
};
type Lab = {
  sequence: {
    id: string;
    name: string;
    status: string;
    messageSource: "template" | "personalised";
    senderAccountId: string | null;
    steps: { idx: number; channel: string; delayDays: number }[];
  };
  llm: { provider: string; model: string } | null;
  sequenceFindings: Finding[];
  counts: {
    leads: number;
    ready: number;
    warnings: number;
    blocking: number;
    messages: number;
    approved: number;
  };
  canLaunch: boolean;
  total: number;
  offset: number;
  limit: number;
  leads: LabLead[];
};
type Job = {
  id: number;
  status: string;
  progress: { done: number; total: number | null };
  error?: string | null;
};
type Filter = "all" | "blocking" | "warnings" | "unapproved";
const PAGE = 20;

/**
 * The Messaging Lab of one sequence: write previews, read each lead's messages with the hook they
 * use, edit, regenerate, approve one or many, and see every readiness finding before launch.
 */
export function MessagingLab({ id }: { id: string }) {
  const [lab, setLab] = useState<Lab | null>(null);
  const [filter, setFilter] = useState<Filter>("all");
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [senders, setSenders] = useState<{ id: string; name: string }[]>([]);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api<Lab>("GET", `/api/sequences/${id}/lab?filter=${filter}&offset=${offset}&limit=${PAGE}`).then(
        setLab,
        (e) => setError(e.message),
      ),
    [id, filter, offset],
  );
  useEffect(() => {
    load();
  }, [load]);
  useEffect(() => {
    api<{ id: string; name: string }[]>("GET", "/api/sender-accounts").then(setSenders, () => {});
  }, []);
  useEffect(() => {
    if (!job || ["succeeded", "failed", "cancelled"].includes(job.status)) return;
    const t = setTimeout(async () => {
      const next = await api<Job & { result?: Record<string, number> }>("GET", `/api/jobs/${job.id}`);
      setJob(next);
      if (next.status === "succeeded") {
        const r = next.result ?? {};
        setNotice(
          `Wrote ${r.written ?? 0} message(s)${r.kept ? `, kept ${r.kept} already there` : ""}${r.fallbacks ? `; the built-in writer stepped in ${r.fallbacks} time(s)` : ""}${r.costUsd ? `; cost $${r.costUsd}` : ""}.`,
        );
      }
      if (next.status === "failed") setError(next.error ?? "writing the messages failed");
      load();
    }, 600);
    return () => clearTimeout(t);
  }, [job, load]);

  const act = async (fn: () => Promise<unknown>, done?: (r: unknown) => string) => {
    setError(null);
    setNotice(null);
    try {
      const r = await fn();
      // The page is current before it says what happened (the Launch button follows the findings).
      await load();
      if (done) setNotice(done(r));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const generate = (mode: "missing" | "unapproved") =>
    act(async () => {
      const r = await api<{ jobId: number }>("POST", `/api/sequences/${id}/messages/generate`, { mode });
      setJob({ id: r.jobId, status: "queued", progress: { done: 0, total: null } });
    });
  const approve = (ids: string[]) =>
    act(
      () =>
        api<{ approved: string[]; refused: { id: string; reason: string }[] }>(
          "POST",
          "/api/messages/drafts/approve",
          { ids },
        ),
      (r) => {
        const { approved, refused } = r as { approved: string[]; refused: { reason: string }[] };
        setSelected(new Set());
        return `Approved ${approved.length}${refused.length ? `; ${refused.length} refused: ${refused[0]!.reason}` : ""}`;
      },
    );

  if (!lab) return <ErrorNote error={error} />;
  const seq = lab.sequence;
  const isDraft = seq.status === "draft";
  const running = !!job && !["succeeded", "failed", "cancelled"].includes(job.status);
  const pageMessages = lab.leads.flatMap((l) => l.messages);
  const unapprovedOnPage = pageMessages.filter((m) => m.status !== "approved").map((m) => m.id);
  const toggle = (mid: string) => {
    const next = new Set(selected);
    if (next.has(mid)) next.delete(mid);
    else next.add(mid);
    setSelected(next);
  };

  return (
    <section>
      <header className="page-head row-between">
        <div>
          <Link to={`/sequences/${id}`}>← Sequence</Link>
          <h1>Messaging Lab · {seq.name}</h1>
          <p className="muted">
            <span className="badge">{seq.status}</span> · Writer:{" "}
            {lab.llm ? `${lab.llm.provider} · ${lab.llm.model}` : "built-in (no LLM configured)"} · nothing is
            sent before a person approves it
          </p>
        </div>
        <div className="actions">
          <select
            aria-label="Message source"
            value={seq.messageSource}
            disabled={!isDraft}
            onChange={(e) =>
              act(() => api("PATCH", `/api/sequences/${id}`, { messageSource: e.target.value }))
            }
          >
            <option value="template">Same template for every lead</option>
            <option value="personalised">A personalised message per lead</option>
          </select>
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
          {/* Launch stays possible with blocked leads: its dialog lists them and offers to skip them. */}
          <LaunchButton id={id} draft={isDraft} onLaunched={load} />
        </div>
      </header>

      <div className="stat-cards">
        <Stat label="Leads" value={lab.counts.leads} />
        <Stat label="Ready" value={lab.counts.ready} tone="good" />
        <Stat label="With warnings" value={lab.counts.warnings} tone="warn" />
        <Stat label="Blocked" value={lab.counts.blocking} tone="bad" />
        <Stat label="Messages approved" value={`${lab.counts.approved} / ${lab.counts.messages}`} />
      </div>

      {seq.messageSource === "personalised" ? (
        <div className="actions lab-tools">
          <button type="button" disabled={running} onClick={() => generate("missing")}>
            {lab.counts.messages ? "Write missing messages" : "Generate previews"}
          </button>
          <button
            type="button"
            disabled={running || !lab.counts.messages}
            onClick={() => generate("unapproved")}
            title="Rewrites every message nobody has approved or edited"
          >
            Rewrite unapproved
          </button>
          {running && job && (
            <span role="status">
              <progress
                max={job.progress.total ?? 1}
                value={job.progress.total ? job.progress.done : undefined}
                aria-label="Writing progress"
              />{" "}
              {job.progress.done}
              {job.progress.total ? ` / ${job.progress.total}` : ""} leads
            </span>
          )}
          <span className="spacer" />
          <button type="button" disabled={!selected.size} onClick={() => approve([...selected])}>
            Approve selected ({selected.size})
          </button>
          <button type="button" disabled={!unapprovedOnPage.length} onClick={() => approve(unapprovedOnPage)}>
            Approve all on this page ({unapprovedOnPage.length})
          </button>
        </div>
      ) : (
        <p className="muted">
          Every lead gets the sequence's step templates with their merge variables filled. Choose "A
          personalised message per lead" to write, review and approve each lead's own messages here.
        </p>
      )}

      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />

      {!!lab.sequenceFindings.length && (
        <ul className="findings">
          {lab.sequenceFindings.map((f) => (
            <li key={`${f.code} ${f.message}`} className={`finding ${f.severity}`}>
              <strong>{f.severity === "blocking" ? "Blocking" : "Warning"}:</strong> {f.message}
            </li>
          ))}
        </ul>
      )}

      <div className="tabs" role="tablist" aria-label="Show leads">
        {(["all", "blocking", "warnings", "unapproved"] as const).map((f) => (
          <button
            key={f}
            type="button"
            role="tab"
            aria-selected={filter === f}
            className={filter === f ? "tab active" : "tab"}
            onClick={() => {
              setFilter(f);
              setOffset(0);
            }}
          >
            {
              {
                all: "All leads",
                blocking: "Blocked",
                warnings: "Warnings",
                unapproved: "Waiting for approval",
              }[f]
            }
          </button>
        ))}
      </div>

      {!lab.leads.length && (
        <div className="empty">
          <h2>{lab.counts.leads ? "No leads in this view" : "This sequence has no leads yet"}</h2>
          <p>
            {lab.counts.leads
              ? "Try another tab."
              : "Add a list of leads to the sequence; its leads appear here with their messages and findings."}
          </p>
        </div>
      )}

      <div className="stack">
        {lab.leads.map((l) => (
          <article key={l.id} className={`card lab-lead ${l.state}`}>
            <div className="row-between">
              <div>
                <Link to={`/leads/${l.id}`}>
                  <strong>{l.name}</strong>
                </Link>{" "}
                <span className="muted small">
                  {[l.jobTitle, l.company].filter(Boolean).join(" · ")} · {l.email ?? "no email"}
                  {l.email && ` (${l.emailStatus ?? "not verified"})`}
                </span>
              </div>
              <span className="actions">
                <span className={`badge state-${l.state}`}>
                  {{ ready: "Ready", warning: "Warnings", blocking: "Blocked" }[l.state]}
                </span>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Remove ${l.name} from this sequence`}
                  title="Takes the lead out of this sequence only; its lists stay as they are"
                  onClick={() =>
                    act(
                      () => api("PUT", `/api/sequences/${id}/exclusions/${l.id}`),
                      () => `Removed ${l.name} from this sequence`,
                    )
                  }
                >
                  Remove
                </button>
              </span>
            </div>
            {!!l.findings.length && (
              <ul className="findings">
                {l.findings.map((f, i) => (
                  <li key={`${f.code}-${f.stepIndex ?? ""}-${i}`} className={`finding ${f.severity}`}>
                    {f.message}
                  </li>
                ))}
              </ul>
            )}
            {l.messages.map((m) => (
              <LabMessage
                key={m.id}
                message={m}
                selected={selected.has(m.id)}
                onToggle={() => toggle(m.id)}
                onApprove={() => approve([m.id])}
                onSave={(patch) =>
                  act(
                    () => api("PATCH", `/api/messages/drafts/${m.id}`, patch),
                    () => "Saved; approve it again to send it",
                  )
                }
                onRegenerate={() =>
                  act(
                    () => api("POST", `/api/messages/drafts/${m.id}/regenerate`),
                    () => "Rewritten; read it and approve it",
                  )
                }
              />
            ))}
          </article>
        ))}
      </div>

      {lab.total > PAGE && (
        <div className="actions pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            ← Previous
          </button>
          <span className="muted">
            {offset + 1}–{Math.min(offset + PAGE, lab.total)} of {lab.total}
          </span>
          <button
            type="button"
            disabled={offset + PAGE >= lab.total}
            onClick={() => setOffset(offset + PAGE)}
          >
            Next →
          </button>
        </div>
      )}
    </section>
  );
}

function Stat({
  label,
  value,
  tone,
}: {
  label: string;
  value: number | string;
  tone?: "good" | "warn" | "bad";
}) {
  return (
    <div className={`stat-card ${tone ?? ""}`}>
      <div className="stat-value">{value}</div>
      <div className="small muted">{label}</div>
    </div>
  );
}
