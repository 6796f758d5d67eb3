import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { client, data } from "../../api/client";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { LaunchButton } from "../outreach/LaunchButton";
import { SenderChecklist } from "../outreach/SenderChecklist";
import { LabLeadCard } from "./LabLeadCard";
import { Tabs } from "../../components/Tabs";
import { type LabFilter, labKey } from "./labTypes";
import { useLabActions } from "./useLabActions";
import { useLabKeys } from "./useLabKeys";
import { useLabWriter } from "./useLabWriter";

const PAGE = 20;
const FILTERS: [LabFilter, string][] = [
  ["all", "All leads"],
  ["blocking", "Blocked"],
  ["warnings", "Warnings"],
  ["unapproved", "Waiting for approval"],
];

/**
 * The Messaging Lab of one sequence: write previews, read each lead's messages with the hook they
 * use, edit, regenerate, approve one or many, and see every readiness finding before launch.
 */
export function MessagingLab({ id }: { id: string }) {
  const [filter, setFilter] = useState<LabFilter>("all");
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const lab = useQuery({
    queryKey: [...labKey(id), filter, offset],
    queryFn: () =>
      data(
        client.GET("/api/sequences/{id}/lab", {
          params: { path: { id }, query: { filter, offset, limit: PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
    meta: { inline: true },
  });
  const actions = useLabActions(id, setNotice, () => setSelected(new Set()));
  const writer = useLabWriter(id, setNotice);
  const list = useRef<HTMLDivElement>(null);
  useLabKeys(list);

  if (!lab.data) return <ErrorNote error={lab.error?.message ?? null} />;
  const { sequence: seq, counts, leads } = lab.data;
  const isDraft = seq.status === "draft";
  const unapprovedOnPage = leads
    .flatMap((l) => l.messages)
    .filter((m) => m.status !== "approved")
    .map((m) => m.id);
  const toggle = (mid: string) => {
    const next = new Set(selected);
    if (next.has(mid)) next.delete(mid);
    else next.add(mid);
    setSelected(next);
  };
  const start = (mode: "missing" | "unapproved") => (setNotice(null), writer.start.mutate(mode));
  const approve = (ids: string[]) => (setNotice(null), actions.approve.mutate(ids));

  return (
    <section>
      <header className="page-head row-between">
        <div>
          <Link to={`/sequences/${id}`}>← Sequence</Link>
          <h1>Messaging Lab · {seq.name}</h1>
          <p className="muted">
            <span className="badge">{seq.status}</span> · Writer:{" "}
            {lab.data.llm
              ? `${lab.data.llm.provider} · ${lab.data.llm.model}`
              : "built-in (no LLM configured)"}{" "}
            · nothing is sent before a person approves it
          </p>
        </div>
        <div className="actions">
          <select
            aria-label="Message source"
            value={seq.messageSource}
            disabled={!isDraft || actions.patchSequence.isPending}
            onChange={(e) =>
              actions.patchSequence.mutate({ messageSource: e.target.value as "template" | "personalised" })
            }
          >
            <option value="template">Same template for every lead</option>
            <option value="personalised">A personalised message per lead</option>
          </select>
          <details className="sender-menu">
            <summary>
              {seq.senderAccountIds.length ? `Senders: ${seq.senderAccountIds.length}` : "Choose senders"}
            </summary>
            <div className="sender-menu-panel">
              <SenderChecklist
                value={seq.senderAccountIds}
                disabled={actions.patchSequence.isPending}
                onChange={(senderAccountIds) => actions.patchSequence.mutate({ senderAccountIds })}
              />
            </div>
          </details>
          {/* Launch stays possible with blocked leads: its dialog lists them and offers to skip them. */}
          <LaunchButton id={id} draft={isDraft} onLaunched={() => lab.refetch()} />
        </div>
      </header>

      <div className="stat-cards">
        <Stat label="Leads" value={counts.leads} />
        <Stat label="Ready" value={counts.ready} tone="good" />
        <Stat label="With warnings" value={counts.warnings} tone="warn" />
        <Stat label="Blocked" value={counts.blocking} tone="bad" />
        <Stat label="Messages approved" value={`${counts.approved} / ${counts.messages}`} />
      </div>

      {seq.messageSource === "personalised" ? (
        <div className="actions lab-tools">
          <button type="button" disabled={writer.running} onClick={() => start("missing")}>
            {counts.messages ? "Write missing messages" : "Generate previews"}
          </button>
          <button
            type="button"
            disabled={writer.running || !counts.messages}
            onClick={() => start("unapproved")}
            title="Rewrites every message nobody has approved or edited"
          >
            Rewrite unapproved
          </button>
          {writer.running && (
            <span role="status">
              <progress
                max={writer.progress?.total ?? 1}
                value={writer.progress?.total ? writer.progress.done : undefined}
                aria-label="Writing progress"
              />{" "}
              {writer.progress?.done ?? 0}
              {writer.progress?.total ? ` / ${writer.progress.total}` : ""} leads
            </span>
          )}
          <span className="spacer" />
          <button
            type="button"
            disabled={!selected.size || actions.approve.isPending}
            onClick={() => approve([...selected])}
          >
            Approve selected ({selected.size})
          </button>
          <button
            type="button"
            disabled={!unapprovedOnPage.length || actions.approve.isPending}
            onClick={() => approve(unapprovedOnPage)}
          >
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

      {!!lab.data.sequenceFindings.length && (
        <ul className="findings">
          {lab.data.sequenceFindings.map((f) => (
            <li key={`${f.code} ${f.message}`} className={`finding ${f.severity}`}>
              <strong>{f.severity === "blocking" ? "Blocking" : "Warning"}:</strong> {f.message}
            </li>
          ))}
        </ul>
      )}

      <Tabs label="Show leads" tabs={FILTERS} value={filter} onChange={(f) => (setFilter(f), setOffset(0))} />

      {!leads.length && (
        <div className="empty">
          <h2>{counts.leads ? "No leads in this view" : "This sequence has no leads yet"}</h2>
          <p>
            {counts.leads
              ? "Try another tab."
              : "Add a list of leads to the sequence; its leads appear here with their messages and findings."}
          </p>
        </div>
      )}

      {leads.length > 0 && (
        <p className="muted small" id="lab-keys">
          Keys: j/k next/previous message · a approve · e edit (Esc cancels, Ctrl+Enter saves) · x select
        </p>
      )}
      <div className="stack" ref={list} aria-describedby="lab-keys">
        {leads.map((l) => (
          <LabLeadCard key={l.id} lead={l} actions={actions} selected={selected} onToggle={toggle} />
        ))}
      </div>

      {lab.data.total > PAGE && (
        <div className="actions pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            ← Previous
          </button>
          <span className="muted">
            {offset + 1}–{Math.min(offset + PAGE, lab.data.total)} of {lab.data.total}
          </span>
          <button
            type="button"
            disabled={offset + PAGE >= lab.data.total}
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
