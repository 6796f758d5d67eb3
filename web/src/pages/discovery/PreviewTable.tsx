import type { Preview } from "./discoveryTypes";
import { SandboxLabel } from "./SandboxLabel";

/** The first people a search would find, before anything is saved. */
export function PreviewTable({ preview, stale }: { preview: Preview; stale: boolean }) {
  return (
    <section className="card discovery-card" aria-label="Preview">
      <div className="row-between">
        <div>
          <h2>Preview</h2>
          <p className="muted small">{preview.summary}</p>
        </div>
        {preview.provider === "sandbox" && <SandboxLabel />}
      </div>
      <p>
        {preview.total !== null ? (
          <strong>About {preview.total.toLocaleString()} matches</strong>
        ) : (
          <span className="muted">The total is not known for this source.</span>
        )}
        {preview.people.length > 0 && (
          <span className="muted"> · showing the first {preview.people.length}</span>
        )}
      </p>
      {stale && (
        <p className="muted small" role="status">
          The filters changed since this preview; preview again to see who they find.
        </p>
      )}
      {preview.people.length ? (
        <table className="table discovery-preview">
          <thead>
            <tr>
              <th>Name</th>
              <th>Title</th>
              <th>Company</th>
              <th>Location</th>
              <th>LinkedIn</th>
            </tr>
          </thead>
          <tbody>
            {preview.people.map((p) => (
              <tr key={p.linkedinUrl}>
                <td className="strong">{[p.firstName, p.lastName].filter(Boolean).join(" ")}</td>
                <td>{p.jobTitle || p.headline}</td>
                <td>
                  <div>{p.company}</div>
                  {p.companyDomain && <div className="muted small">{p.companyDomain}</div>}
                </td>
                <td>{p.location}</td>
                <td>
                  <a href={p.linkedinUrl} target="_blank" rel="noreferrer noopener">
                    Profile<span className="visually-hidden"> of {p.firstName}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Nobody matches these filters. Try fewer or broader ones.</p>
      )}
    </section>
  );
}
