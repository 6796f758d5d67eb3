import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { client, data, type Get } from "../../api/client";
import { pollWhile } from "../../api/poll";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { providerName } from "./discoveryTypes";
import { EnrichListButton } from "./EnrichListButton";
import { SandboxLabel } from "./SandboxLabel";

type SavedSearch = Get<"/api/discovery/searches">[number];
const active = (s: SavedSearch) => s.status === "queued" || s.status === "running";
const statusClass: Record<SavedSearch["status"], string> = {
  queued: "",
  running: "run-active",
  done: "status-succeeded",
  failed: "status-failed",
};

/** Saved searches, newest first; polls every second while any is still collecting. */
export function SavedSearches({ reload }: { reload: number }) {
  const list = useQuery({
    // A new search started above (`reload`) asks at once.
    queryKey: ["/api/discovery/searches", reload],
    queryFn: () => data(client.GET("/api/discovery/searches")),
    refetchInterval: pollWhile((l: SavedSearch[]) => l.some(active)),
    placeholderData: keepPreviousData,
    meta: { inline: true },
  });
  const searches = list.data;

  return (
    <section className="discovery-saved" aria-labelledby="saved-searches">
      <h2 id="saved-searches">Saved searches</h2>
      <ErrorNote error={list.error?.message ?? null} />
      {searches && !searches.length && (
        <p className="muted">No searches yet. Start one above and it shows here with its progress.</p>
      )}
      {!!searches?.length && (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Source</th>
              <th>Status</th>
              <th>Added</th>
              <th>Duplicates</th>
              <th>Created</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {searches.map((s) => (
              <tr key={s.id}>
                <td>
                  <div className="strong">{s.name}</div>
                  <div className="muted small">{s.summary}</div>
                </td>
                <td className="small">
                  {s.provider === "sandbox" ? <SandboxLabel /> : providerName(s.provider)}
                </td>
                <td className="discovery-status">
                  <span className={`badge ${statusClass[s.status]}`}>{s.status}</span>{" "}
                  <span className="small">
                    {s.found.toLocaleString()} / {s.targetCount.toLocaleString()}
                  </span>
                  {active(s) && (
                    <progress
                      className="discovery-progress"
                      value={s.found}
                      max={s.targetCount}
                      aria-label={`Progress of ${s.name}`}
                    />
                  )}
                  {s.error && <div className="danger small">{s.error}</div>}
                </td>
                <td>{s.added.toLocaleString()}</td>
                <td>{s.duplicates.toLocaleString()}</td>
                <td className="small">
                  {new Date(s.createdAt).toLocaleString(undefined, {
                    dateStyle: "medium",
                    timeStyle: "short",
                  })}
                </td>
                <td>
                  {s.status === "done" && s.listId && (
                    <div className="row-actions discovery-actions">
                      <Link to={`/leads?listId=${s.listId}`}>Open list</Link>
                      <EnrichListButton listId={s.listId} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
