import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../api/client";
import { Link } from "../../components/Link";

export function RunsPage() {
  const runs = useQuery({ queryKey: ["/api/runs"], queryFn: () => data(client.GET("/api/runs")) });
  return (
    <section>
      <header className="page-head">
        <h1>Runs</h1>
        <p className="muted">
          Campaigns created from a Play: Draft → Active → Paused → Completed. Start one from{" "}
          <Link to="/plays">Plays</Link>.
        </p>
      </header>
      <table className="table">
        <thead>
          <tr>
            <th>Run</th>
            <th>Play</th>
            <th>Status</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {(runs.data ?? []).map((r) => (
            <tr key={r.id}>
              <td className="cell-text">
                <Link to={`/runs/${r.id}`} title={r.name}>
                  {r.name}
                </Link>
              </td>
              <td className="small">{r.playKey.replace("builtin:", "")}</td>
              <td>
                <span className={`badge run-${r.status}`}>{r.status}</span>
              </td>
              <td className="small">{new Date(r.createdAt).toLocaleDateString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.isSuccess && !runs.data.length && <p className="muted">No runs yet.</p>}
    </section>
  );
}
