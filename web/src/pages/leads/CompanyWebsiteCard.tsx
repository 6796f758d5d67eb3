type Signal = { kind: string; text: string; url: string | null; date: string | null };
export type Enrichment = {
  company?: {
    name: string | null;
    description: string | null;
    socialLinks: { kind: string; url: string }[];
  };
  companySignals?: Signal[];
  status?: { company: string; profile: string; at: string; error: string | null };
};

/** What enrichment read on the company's website: its description, signals and social links. */
export function CompanyWebsiteCard({ enrichment }: { enrichment: Enrichment }) {
  if (!(enrichment?.company || enrichment?.companySignals?.length)) return null;
  return (
    <div className="card">
      <h3>From the company's website</h3>
      {enrichment.company?.description && <p>{enrichment.company.description}</p>}
      {!!enrichment.companySignals?.length && (
        <ul className="plain">
          {enrichment.companySignals.map((sig) => (
            <li key={`${sig.kind}-${sig.text}`}>
              <span className="badge">{sig.kind}</span>{" "}
              {sig.url ? (
                <a href={sig.url} target="_blank" rel="noreferrer noopener">
                  {sig.text}
                </a>
              ) : (
                sig.text
              )}
              {sig.date && <span className="muted small"> · {sig.date}</span>}
            </li>
          ))}
        </ul>
      )}
      {!!enrichment.company?.socialLinks?.length && (
        <p className="small">
          {enrichment.company.socialLinks.map((l) => (
            <a key={l.kind} href={l.url} target="_blank" rel="noreferrer noopener">
              {l.kind}{" "}
            </a>
          ))}
        </p>
      )}
      {enrichment.status && (
        <p className="muted small">Enriched {new Date(enrichment.status.at).toLocaleString()}</p>
      )}
    </div>
  );
}
