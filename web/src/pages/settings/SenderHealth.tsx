import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { Link } from "../../components/Link";

type Limits = Get<"/api/deliverability">;
const pct = (r: number) => `${(r * 100).toFixed(r > 0 && r < 0.01 ? 2 : 1)}%`;
const healthKey = ["/api/sender-accounts/health"];

/**
 * Each sender's bounce and complaint rates over its recent sends, against the limits past which it
 * pauses itself; a paused sender is resumed here by a person. Admins change the limits.
 */
export function SenderHealth() {
  const health = useQuery({
    queryKey: healthKey,
    queryFn: () => data(client.GET("/api/sender-accounts/health")),
  });
  const resume = useAction(
    (id: string) =>
      data(client.PATCH("/api/sender-accounts/{id}", { params: { path: { id } }, body: { paused: null } })),
    { invalidate: [healthKey, ["/api/sender-accounts"], ["/api/home"]] },
  );
  const r = health.data;
  if (!r) return <ErrorNote error={health.error?.message ?? null} />;
  const s = r.settings;
  return (
    <section className="stack" aria-labelledby="sender-health">
      <h3 id="sender-health">Sender health</h3>
      <p className="muted">
        Over each sender's last {s.healthWindowSends} emails: addresses that do not exist and refusals on the
        sender's reputation count as bounces; full mailboxes and other temporary failures do not. A sender
        pauses itself above {pct(s.bouncePauseRate)} bounces or {pct(s.complaintPauseRate)} spam complaints
        (after at least {s.healthMinSends} sends), and its sequences wait until someone resumes it.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th>Sender</th>
            <th>Recent sends</th>
            <th>Bounces</th>
            <th>Complaints</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {r.senders.map((h) => (
            <tr key={h.senderAccountId}>
              <td>
                <Link to={`/senders/${h.senderAccountId}/deliverability`}>{h.name}</Link>
                <div className="muted small">{h.fromEmail}</div>
              </td>
              <td>{h.sends}</td>
              <td>
                {h.bounces} ({pct(h.bounceRate)})
              </td>
              <td>
                {h.complaints} ({pct(h.complaintRate)})
              </td>
              <td className="wrap">
                {h.pausedAt ? (
                  <>
                    <span className="badge st-bounced">paused</span>{" "}
                    <span className="small">{h.pausedReason}</span>{" "}
                    <button
                      type="button"
                      className="link"
                      disabled={resume.isPending}
                      onClick={() => resume.mutate(h.senderAccountId)}
                    >
                      Resume
                    </button>
                  </>
                ) : h.atRisk ? (
                  <span className="badge st-bounced" title={h.atRisk}>
                    over the limit
                  </span>
                ) : (
                  <span className="badge st-replied">healthy</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LimitsForm limits={s} />
    </section>
  );
}

const fields: { key: keyof Limits; label: string; percent?: boolean; hint: string }[] = [
  { key: "bouncePauseRate", label: "Pause above bounce rate (%)", percent: true, hint: "default 5%" },
  { key: "complaintPauseRate", label: "Pause above complaint rate (%)", percent: true, hint: "default 0.3%" },
  { key: "healthWindowSends", label: "Rates over the last N sends", hint: "default 200" },
  { key: "healthMinSends", label: "Judge only after N sends", hint: "default 20" },
  { key: "softBounceLimit", label: "Temporary failures that end a lead's sequence", hint: "default 3" },
  { key: "softBounceDays", label: "… within days", hint: "default 7" },
  {
    key: "perDomainDailyLimit",
    label: "Emails a day to one company domain",
    hint: "default 20; 0 = no limit",
  },
  {
    key: "workspaceDailyLimit",
    label: "Emails a day from the whole workspace",
    hint: "0 = no limit (default)",
  },
];

function LimitsForm({ limits }: { limits: Limits }) {
  const shown = (l: Limits) =>
    Object.fromEntries(
      fields.map((f) => [f.key, String(f.percent ? +(l[f.key] * 100).toFixed(3) : l[f.key])]),
    );
  const [f, setF] = useState<Record<string, string>>(() => shown(limits));
  const [saved, setSaved] = useState(false);
  useEffect(() => setF(shown(limits)), [limits]);
  const save = useAction((body: Partial<Limits>) => data(client.PATCH("/api/deliverability", { body })), {
    inline: true,
    invalidate: [healthKey, ["/api/deliverability"]],
    onSuccess: () => setSaved(true),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body: Partial<Limits> = {};
    for (const x of fields) {
      const v = Number(f[x.key]);
      if (String(f[x.key]).trim() !== "" && Number.isFinite(v)) body[x.key] = x.percent ? v / 100 : v;
    }
    save.mutate(body);
  };
  return (
    <details>
      <summary>Limits</summary>
      <form className="stack" onSubmit={submit}>
        <div className="form-grid">
          {fields.map((x) => (
            <Field key={x.key} label={x.label} hint={x.hint}>
              <input
                inputMode="decimal"
                value={f[x.key] ?? ""}
                onChange={(e) => setF({ ...f, [x.key]: e.target.value })}
              />
            </Field>
          ))}
        </div>
        <ErrorNote error={save.error?.message ?? null} />
        {saved && (
          <p className="ok" role="status">
            Limits saved.
          </p>
        )}
        <div>
          <button type="submit" disabled={save.isPending}>
            Save limits
          </button>
        </div>
      </form>
    </details>
  );
}
