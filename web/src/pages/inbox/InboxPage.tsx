import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { client, data } from "../../api/client";
import { useRunOptions, useSenderOptions } from "../../api/options";
import { FilterSelect } from "../../components/FilterSelect";
import { ErrorNote } from "../../components/Field";
import { useSearchState } from "../../hooks/useSearchState";
import { SandboxMailbox } from "../outreach/SandboxMailbox";
import { type Classification, CLASSIFICATIONS } from "./classifications";
import { Conversation } from "./Conversation";
import { ConversationList, type Thread, threadKey } from "./ConversationList";
import { useInboxKeys } from "./useInboxKeys";
import { UnmatchedMail } from "./UnmatchedMail";
import { Tabs } from "../../components/Tabs";

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
  const [filter, setFilter] = useState({ unread: false, classification: "", runId: "", senderAccountId: "" });
  const query = {
    unread: filter.unread ? ("true" as const) : undefined,
    classification: (filter.classification || undefined) as Classification | undefined,
    runId: filter.runId || undefined,
    senderAccountId: filter.senderAccountId || undefined,
  };
  const list = useQuery({
    queryKey: ["/api/inbox", query],
    queryFn: () => data(client.GET("/api/inbox", { params: { query } })),
    refetchInterval: 5000,
    // A new filter keeps the old list on screen until its answer arrives.
    placeholderData: keepPreviousData,
    meta: { inline: true },
  });
  const runs = useRunOptions();
  const senders = useSenderOptions();
  const threads = list.data;
  const [open, setOpen] = useState<Thread | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const focusOption = (k: string) =>
    listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(k)}"]`)?.focus();
  useInboxKeys({
    list: listRef,
    move: (by) => {
      if (!threads?.length) return;
      const at = threads.findIndex((t) => threadKey(t) === (cursor ?? (open && threadKey(open))));
      const next = threads[Math.max(0, Math.min(threads.length - 1, at < 0 ? 0 : at + by))];
      setCursor(threadKey(next));
      focusOption(threadKey(next));
    },
    open: () => {
      const t = threads?.find((x) => threadKey(x) === cursor);
      if (t) setOpen(t);
    },
    reply: () => replyRef.current?.focus(),
  });

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
      <ErrorNote error={list.error?.message ?? null} />
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
        <p className="muted small" id="inbox-keys">
          Keys: j/k next/previous · Enter or o open · r reply · Esc back to the list
        </p>
      )}
      {!!threads?.length && (
        <div className="split">
          <ConversationList
            threads={threads}
            open={open && threadKey(open)}
            cursor={cursor}
            listRef={listRef}
            onCursor={setCursor}
            onOpen={(t) => {
              setCursor(threadKey(t));
              setOpen(t);
            }}
          />
          <div className="card stack">
            {open ? (
              <Conversation
                key={`${open.leadId}-${open.channel}`}
                leadId={open.leadId}
                channel={open.channel}
                replyRef={replyRef}
                onLeaveReply={() => {
                  replyRef.current?.blur();
                  focusOption(cursor ?? threadKey(open));
                }}
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
