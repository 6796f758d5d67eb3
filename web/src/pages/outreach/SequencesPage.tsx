import { useQueries, useQuery } from "@tanstack/react-query";
import { client, data } from "../../api/client";
import { Link } from "../../components/Link";
import { channelLabel } from "./PlaysPage";

/** Every sequence with its run, status and how many leads each step has reached. */
export function SequencesPage() {
  const seqs = useQuery({ queryKey: ["/api/sequences"], queryFn: () => data(client.GET("/api/sequences")) });
  const runs = useQuery({ queryKey: ["/api/runs"], queryFn: () => data(client.GET("/api/runs")) });
  const list = seqs.data ?? [];
  const dashboards = useQueries({
    queries: list.map((s) => ({
      queryKey: ["/api/sequences/{id}/dashboard", s.id],
      queryFn: () => data(client.GET("/api/sequences/{id}/dashboard", { params: { path: { id: s.id } } })),
    })),
  });
  const runName = (id: string) => runs.data?.find((r) => r.id === id)?.name ?? "…";
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
            <th>Run</th>
            <th>Status</th>
            <th>Sent per step</th>
          </tr>
        </thead>
        <tbody>
          {list.map((s, i) => {
            const d = dashboards[i]?.data;
            return (
              <tr key={s.id}>
                <td className="cell-text">
                  <Link to={`/sequences/${s.id}`} title={s.name}>
                    {s.name}
                  </Link>
                </td>
                <td className="cell-text">
                  <Link to={`/runs/${s.runId}`}>{runName(s.runId)}</Link>
                </td>
                <td>
                  <span className="badge">{s.status}</span>
                </td>
                <td>
                  {d
                    ? d.sequence.steps
                        .map((st, n) => {
                          const sent = d.sends.find((x) => x.step === n + 1 && x.status === "sent")?.n ?? 0;
                          return `${n + 1}. ${channelLabel[st.channel] ?? st.channel}: ${sent}`;
                        })
                        .join(" · ")
                    : "…"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {seqs.isSuccess && !list.length && (
        <p className="muted">No sequences yet. Start from Plays → Start a run → Create sequence.</p>
      )}
    </section>
  );
}
