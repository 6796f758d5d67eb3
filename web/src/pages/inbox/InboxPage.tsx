import { useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { FilterSelect } from "../../components/FilterSelect";
import { ErrorNote } from "../../components/Field";
import { useSearchState } from "../../hooks/useSearchState";
import { SandboxMailbox } from "../outreach/SandboxMailbox";
import { CLASSIFICATIONS, classificationLabel } from "./classifications";
import { Conversation } from "./Conversation";
import { UnmatchedMail } from "./UnmatchedMail";
import { Tabs } from "../../components/Tabs";

export type Thread = {
  leadId: string;
  channel: "email" | "linkedin";
  name: string;
  email: string | null;
  company: string | null;
  leadStatus: string;
  lastAt: string;
  unread: number;
  messages: number;
  subject: string;
  snippet: string;
  kind: string;
  classification: string | null;
  classificationIsSuggestion: boolean;
};
type Named = { id: string; name: string };

const views = [
  ["conversations", "Conversations"],
  ["sandbox", "Sandbox mailbox"],
  ["unmatched", "Unmatched mail"],
] as const;

/** The unified inbox: every conversation with a prospect, across email and LinkedIn. */
export function InboxPage() {
  const [q, setQ] = useSearchState(["view"] as const);
  const tab = (views.find((v) => v[0] === q.view) ?? views[0])[0];
  return (
    <section>
      <header className="page-head">
        <h1>Inbox</h1>
        <p className="muted">
          Answers from prospects on every channel. A reply stops every later step for that lead.
        </p>
      </header>
      <Tabs
        label="Inbox views"
        tabs={views}
        value={tab}
        onChange={(t) => setQ({ view: t === "conversations" ? "" : t })}
      />
      {tab === "conversations" && <Conversations />}
      {tab === "sandbox" && <SandboxMailbox />}
      {tab === "unmatched" && <UnmatchedMail />}
    </section>
  );
}

function Conversations() {
  const [threads, setThreads] = useState<Thread[] | null>(null);
  const [filter, setFilter] = useState({ unread: false, classification: "", runId: "", senderAccountId: "" });
  const [runs, setRuns] = useState<Named[]>([]);
  const [senders, setSenders] = useState<Named[]>([]);
  const [open, setOpen] = useState<Thread | null>(null);
  const [error, setError] = useState<string | null>(null);
  const qs = new URLSearchParams(
    Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  const load = useCallback(
    () =>
      api<Thread[]>("GET", `/api/inbox${qs ? `?${qs}` : ""}`).then(setThreads, (e) => setError(e.message)),
    [qs],
  );
  useEffect(() => {
    load();
    const t = setInterval(load, 5000);
    return () => clearInterval(t);
  }, [load]);
  useEffect(() => {
    api<Named[]>("GET", "/api/runs").then(setRuns, () => {});
    api<Named[]>("GET", "/api/sender-accounts").then(setSenders, () => {});
  }, []);

  return (
    <>
      <div className="actions filters">
        <label className="check">
          <input
            type="checkbox"
            checked={filter.unread}
            onChange={(e) => setFilter({ ...filter, unread: e.target.checked })}
          />{" "}
          Unread only
        </label>
        <select
          aria-label="Classification"
          value={filter.classification}
          onChange={(e) => setFilter({ ...filter, classification: e.target.value })}
        >
          <option value="">Any classification</option>
          {CLASSIFICATIONS.map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </select>
        <FilterSelect
          label="Run"
          allLabel="All runs"
          options={runs}
          value={filter.runId}
          onChange={(v) => setFilter({ ...filter, runId: v })}
        />
        <FilterSelect
          label="Sender account"
          allLabel="All sender accounts"
          options={senders}
          value={filter.senderAccountId}
          onChange={(v) => setFilter({ ...filter, senderAccountId: v })}
        />
      </div>
      <ErrorNote error={error} />
      {threads && !threads.length && (
        <div className="empty">
          <h2>No conversations yet</h2>
          <p>
            When a prospect answers a sequence (by email through a sender's IMAP inbox, or in the sandbox
            mailbox), the conversation appears here.
          </p>
        </div>
      )}
      {!!threads?.length && (
        <div className="split">
          <div role="listbox" aria-label="Conversations">
            {threads.map((t) => (
              <button
                type="button"
                key={`${t.leadId}-${t.channel}`}
                role="option"
                aria-selected={open?.leadId === t.leadId && open.channel === t.channel}
                className={`draft-card ${open?.leadId === t.leadId && open.channel === t.channel ? "active" : ""} ${t.unread ? "unread" : ""}`}
                onClick={() => setOpen(t)}
              >
                <div className="row-between">
                  <span className="strong">
                    {t.unread > 0 && <span className="dot" aria-label="unread" />} {t.name}
                  </span>
                  <span className="small muted">{new Date(t.lastAt).toLocaleString()}</span>
                </div>
                <div className="small">
                  <span className="badge">{t.channel === "email" ? "Email" : "LinkedIn"}</span>{" "}
                  {t.company ?? t.email ?? ""}
                </div>
                <div className="small muted snippet">{t.snippet}</div>
                <div className="small">
                  <span className={`badge cls-${t.classification ?? "none"}`}>
                    {t.classificationIsSuggestion ? "Suggested: " : ""}
                    {classificationLabel(t.classification)}
                  </span>
                </div>
              </button>
            ))}
          </div>
          <div className="card stack">
            {open ? (
              <Conversation
                key={`${open.leadId}-${open.channel}`}
                leadId={open.leadId}
                channel={open.channel}
                onChanged={load}
              />
            ) : (
              <p className="muted">Select a conversation to read it.</p>
            )}
          </div>
        </div>
      )}
    </>
  );
}
