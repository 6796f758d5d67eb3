import { useQuery } from "@tanstack/react-query";
import { client, data, type Get } from "../../api/client";
import { pollWhile } from "../../api/poll";
import { useAction } from "../../api/useAction";
import { ErrorNote } from "../../components/Field";

type StepReport = Get<"/api/sequences/{id}/variants">[number];
type Choice = { idx: number; winner?: string | null; autoWinner?: boolean };

/** Each A/B step's variants side by side, the winner test in words, and the choice of a winner. */
export function VariantReport({ id, active }: { id: string; active: boolean }) {
  const report = useQuery({
    queryKey: ["/api/sequences/{id}/variants", id],
    queryFn: () => data(client.GET("/api/sequences/{id}/variants", { params: { path: { id } } })),
    refetchInterval: pollWhile(() => active, 10_000, 60_000),
  });
  const choose = useAction(
    ({ idx, ...body }: Choice) =>
      data(client.PUT("/api/sequences/{id}/steps/{idx}/winner", { params: { path: { id, idx } }, body })),
    {
      invalidate: [
        ["/api/sequences/{id}/variants", id],
        ["/api/sequences/{id}", id],
      ],
      inline: true,
    },
  );
  if (report.isError) return <ErrorNote error={report.error.message} />;
  if (!report.data?.length) return null;
  return (
    <div className="card stack">
      <h3>A/B tests</h3>
      {report.data.map((st) => (
        <StepVariants
          key={st.stepIndex}
          st={st}
          busy={choose.isPending}
          choose={(c) => choose.mutate({ idx: st.stepIndex, ...c })}
        />
      ))}
      <ErrorNote error={choose.error?.message ?? null} />
    </div>
  );
}

function StepVariants({
  st,
  busy,
  choose,
}: {
  st: StepReport;
  busy: boolean;
  choose: (c: Omit<Choice, "idx">) => void;
}) {
  const email = st.channel === "email";
  return (
    <section aria-label={`A/B test of step ${st.stepIndex}`} className="stack">
      <h4>Step {st.stepIndex}</h4>
      <table className="table">
        <thead>
          <tr>
            <th>Variant</th>
            <th>Sent</th>
            {email && <th>Opened</th>}
            {email && <th>Clicked</th>}
            <th>Replied</th>
            <th>Positive</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {st.variants.map((v) => (
            <tr key={v.label}>
              <td>
                <strong>{v.label}</strong>
                {st.winner === v.label && <span className="badge ok"> winner</span>}
                {v.subject && (
                  <div className="muted small truncate" title={v.subject}>
                    {v.subject}
                  </div>
                )}
              </td>
              <td>{v.sent}</td>
              {email && <td>{`${v.opened} (${v.rates.opened}%)`}</td>}
              {email && <td>{`${v.clicked} (${v.rates.clicked}%)`}</td>}
              <td>{`${v.replied} (${v.rates.replied}%)`}</td>
              <td>{`${v.positive} (${v.rates.positive}%)`}</td>
              <td>
                {st.winner !== v.label && (
                  <button
                    type="button"
                    className="link"
                    disabled={busy}
                    onClick={() => choose({ winner: v.label })}
                  >
                    Send {v.label} to new leads
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status">{st.verdict.reason}</p>
      {st.winner ? (
        <p className="muted small">
          New leads get variant {st.winner} ({st.winnerReason}).{" "}
          <button type="button" className="link" disabled={busy} onClick={() => choose({ winner: null })}>
            Split again
          </button>
        </p>
      ) : (
        <label className="inline">
          <input
            type="checkbox"
            disabled={busy}
            checked={st.autoWinner}
            onChange={(e) => choose({ autoWinner: e.target.checked })}
          />
          Send the winner to new leads once the test names one
        </label>
      )}
    </section>
  );
}
