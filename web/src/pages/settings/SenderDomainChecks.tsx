import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { TrackingDomainForm } from "./TrackingDomainForm";

type Sender = Get<"/api/sender-accounts">[number];
type DomainCheck = Get<"/api/sender-accounts/{id}/domain-check">;

const LABEL: Record<DomainCheck["checks"][number]["check"], string> = {
  mx: "MX (replies and bounces)",
  spf: "SPF",
  dkim: "DKIM",
  dmarc: "DMARC",
  ptr: "Reverse DNS of the SMTP server",
};
const BADGE = { pass: "state-ready", warn: "state-warning", fail: "state-blocking" } as const;
const sendersKey = ["/api/sender-accounts"];

/**
 * Each SMTP sender's domain as receiving servers see it. A failing check holds launches until the
 * record is fixed and checked again, or an admin chooses "Launch anyway".
 */
export function SenderDomainChecks({ canEdit }: { canEdit: boolean }) {
  const senders = useQuery({ queryKey: sendersKey, queryFn: () => data(client.GET("/api/sender-accounts")) });
  if (!senders.data) return <ErrorNote error={senders.error?.message ?? null} />;
  const smtp = senders.data.filter((s) => s.kind === "smtp");
  return (
    <section className="stack" aria-labelledby="domain-checks">
      <h3 id="domain-checks">Domain checks</h3>
      <p className="muted">
        Receiving servers look up your sender's domain before they trust its mail. Check it here: a failing
        check holds launches until the record is fixed and checked again. The sandbox sends nothing outside,
        so it has nothing to check.
      </p>
      {smtp.length === 0 && <p className="muted">No SMTP sender yet.</p>}
      {smtp.map((s) => (
        <DomainCheckCard key={s.id} sender={s} canEdit={canEdit} />
      ))}
    </section>
  );
}

function DomainCheckCard({ sender, canEdit }: { sender: Sender; canEdit: boolean }) {
  const path = { params: { path: { id: sender.id } } };
  const key = ["/api/sender-accounts/{id}/domain-check", sender.id];
  const check = useQuery({
    queryKey: key,
    queryFn: () => data(client.GET("/api/sender-accounts/{id}/domain-check", path)),
  });
  const [selector, setSelector] = useState(sender.dkimSelector ?? "");
  const run = useAction(
    () =>
      data(
        client.POST("/api/sender-accounts/{id}/domain-check", {
          ...path,
          body: { dkimSelector: selector.trim() || null },
        }),
      ),
    { inline: true, invalidate: [key, sendersKey] },
  );
  // The selector read from a test message the sender sends itself; the field then shows it.
  const find = useAction(() => data(client.POST("/api/sender-accounts/{id}/domain-check/find-dkim", path)), {
    inline: true,
    invalidate: [key, sendersKey],
    onSuccess: (r) => setSelector(r.selector ?? ""),
  });
  const busy = run.isPending || find.isPending;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    find.reset();
    run.mutate();
  };
  const c = check.data;
  return (
    <div className="card stack" aria-label={`Domain check of ${sender.name}`}>
      <h4>
        {sender.name} <span className="muted small">{c?.domain ?? sender.fromEmail}</span>
      </h4>
      {canEdit && (
        <form className="row" onSubmit={submit}>
          <div style={{ width: "18rem" }}>
            <Field label="DKIM selector" hint="empty: the common ones are tried">
              <input value={selector} placeholder="e.g. s1" onChange={(e) => setSelector(e.target.value)} />
            </Field>
          </div>
          <div>
            <button
              type="button"
              disabled={busy}
              title="Sends a short message from this sender to itself, reads it back over IMAP and deletes it"
              onClick={() => {
                run.reset();
                find.mutate();
              }}
            >
              {find.isPending ? "Waiting for the test message…" : "Find from a test message"}
            </button>
          </div>
          <div>
            <button type="submit" disabled={busy}>
              {run.isPending ? "Checking…" : "Check domain"}
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={find.error?.message ?? run.error?.message ?? check.error?.message ?? null} />
      {c && c.status === "not_checked" && <p className="muted">Not checked yet.</p>}
      {c && c.status !== "not_checked" && <CheckResults check={c} />}
      {c?.status === "fail" && !c.override && canEdit && <LaunchAnyway id={sender.id} queryKey={key} />}
      {c?.override && (
        <p className="small">
          {c.override.by} chose to launch anyway on {new Date(c.override.at).toLocaleString()}: “
          {c.override.reason}”. Checking again asks anew.
        </p>
      )}
      <TrackingDomainForm senderId={sender.id} canEdit={canEdit} />
    </div>
  );
}

function CheckResults({ check }: { check: DomainCheck }) {
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th>Check</th>
            <th>Result</th>
            <th>What to do</th>
          </tr>
        </thead>
        <tbody>
          {check.checks.map((r) => (
            <tr key={r.check}>
              <td>{LABEL[r.check]}</td>
              <td>
                <span className={`badge ${BADGE[r.result]}`}>{r.result}</span>
              </td>
              <td className="wrap" title={r.evidence}>
                {r.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Checked {check.checkedAt ? new Date(check.checkedAt).toLocaleString() : ""} by {check.checkedBy}
        {check.selector ? `, DKIM selector “${check.selector}”` : ", common DKIM selectors"}.
      </p>
    </>
  );
}

/** Admins may accept failing checks: they stop holding launches and the choice goes on the audit log. */
function LaunchAnyway({ id, queryKey }: { id: string; queryKey: unknown[] }) {
  const [reason, setReason] = useState("");
  const override = useAction(
    () =>
      data(
        client.POST("/api/sender-accounts/{id}/domain-check/override", {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    { inline: true, invalidate: [queryKey] },
  );
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        override.mutate();
      }}
    >
      <Field label="Why launch anyway?" hint="kept on the audit log">
        <input required value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div>
        <button type="submit" disabled={override.isPending}>
          Launch anyway
        </button>
      </div>
      <ErrorNote error={override.error?.message ?? null} />
    </form>
  );
}
