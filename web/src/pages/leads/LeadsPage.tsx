import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { client, data } from "../../api/client";
import { Link } from "../../components/Link";
import { useSearchState } from "../../hooks/useSearchState";
import { navigate } from "../../router";
import { fullName, type Lead, statusOptions } from "./leadTypes";
import { LeadsBulkBar } from "./LeadsBulkBar";
import { StatusBadge } from "./StatusBadge";

const columns: { key: string; label: string }[] = [
  { key: "lastName", label: "Contact" },
  { key: "company", label: "Company / domain" },
  { key: "jobTitle", label: "Title" },
  { key: "location", label: "Location" },
  { key: "status", label: "Status" },
  { key: "opens", label: "Opens" },
  { key: "createdAt", label: "Added" },
];
const keys = ["search", "status", "listId", "emailStatus", "sort", "pages"] as const;
type EmailFilter = "valid" | "risky" | "catch_all" | "invalid" | "unknown" | "unverified" | "none";

/**
 * Search, filters, sort and the page live in the URL (`pages` is the stack of cursors that led to
 * this page), so Back, reload and a shared link show the same leads.
 */
export function LeadsPage() {
  const [q, setQ] = useSearchState(keys);
  const [typed, setTyped] = useState(q.search);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const sort = q.sort || "-createdAt";
  const stack = q.pages ? q.pages.split(",") : [];
  const cursor = stack[stack.length - 1];

  useEffect(() => setTyped(q.search), [q.search]);
  useEffect(() => {
    // Typing waits a moment before searching, and replaces the history entry rather than adding one.
    if (typed.trim() === q.search) return;
    const t = setTimeout(() => setQ({ search: typed.trim(), pages: "" }, { replace: true }), 250);
    return () => clearTimeout(t);
  }, [typed, q.search, setQ]);

  const query = {
    search: q.search || undefined,
    status: q.status || undefined,
    listId: q.listId || undefined,
    emailStatus: (q.emailStatus || undefined) as EmailFilter | undefined,
    sort,
    cursor,
  };
  const page = useQuery({
    queryKey: ["/api/leads", query],
    queryFn: () => data(client.GET("/api/leads", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const lists = useQuery({ queryKey: ["/api/lists"], queryFn: () => data(client.GET("/api/lists")) });
  const items: Lead[] = page.data?.items ?? [];
  const filter = (patch: Partial<Record<(typeof keys)[number], string>>) => {
    setSelected(new Set());
    setQ({ ...patch, pages: "" });
  };
  const allOnPage = items.length > 0 && items.every((l) => selected.has(l.id));
  const toggle = (id: string) => {
    const s = new Set(selected);
    if (s.has(id)) s.delete(id);
    else s.add(id);
    setSelected(s);
  };
  const toggleAll = () => {
    const s = new Set(selected);
    for (const l of items) {
      if (allOnPage) s.delete(l.id);
      else s.add(l.id);
    }
    setSelected(s);
  };
  const exportQs = new URLSearchParams(
    Object.entries({ ...query, cursor: undefined, ids: [...selected].join(",") || undefined }).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
  const arrow = (key: string) => (sort === key ? " ▲" : sort === `-${key}` ? " ▼" : "");
  const filtered = !!(q.search || q.status || q.listId || q.emailStatus);

  return (
    <section>
      <header className="page-head row-between">
        <div>
          <h1>Leads</h1>
          <p className="muted">Everyone you may reach out to. Import files under Lists.</p>
        </div>
        <button type="button" className="primary" onClick={() => navigate("/lists")}>
          Import leads
        </button>
      </header>
      <div className="filters">
        <input
          type="search"
          aria-label="Search leads"
          placeholder="Search name, company, title, location…"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <select aria-label="Status" value={q.status} onChange={(e) => filter({ status: e.target.value })}>
          <option value="">All statuses</option>
          {statusOptions.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
        <select aria-label="List" value={q.listId} onChange={(e) => filter({ listId: e.target.value })}>
          <option value="">All lists</option>
          {(lists.data ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Email status"
          value={q.emailStatus}
          onChange={(e) => filter({ emailStatus: e.target.value })}
        >
          <option value="">Any email</option>
          <option value="valid">Verified</option>
          <option value="unverified">Not verified</option>
          <option value="risky">Risky</option>
          <option value="catch_all">Catch-all</option>
          <option value="invalid">Invalid</option>
          <option value="none">No email</option>
        </select>
        <label className="check">
          <input type="checkbox" checked={allOnPage} onChange={toggleAll} disabled={!items.length} /> Select
          all on page
        </label>
      </div>
      {selected.size > 0 && (
        <LeadsBulkBar
          selected={[...selected]}
          items={items}
          lists={lists.data ?? []}
          exportHref={`/api/leads/export.csv?${exportQs}`}
          onDone={(m) => {
            setNotice(m);
            setSelected(new Set());
          }}
        />
      )}
      {notice && (
        <p className="ok" role="status">
          Done: {notice}
        </p>
      )}
      <table className="table leads-table">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label="Select all leads on this page"
                checked={allOnPage}
                onChange={toggleAll}
              />
            </th>
            {columns.map((c) => (
              <th key={c.key}>
                <button
                  type="button"
                  className="sort"
                  onClick={() => filter({ sort: sort === c.key ? `-${c.key}` : c.key })}
                >
                  {c.label}
                  {arrow(c.key)}
                </button>
              </th>
            ))}
            <th>Grade</th>
            <th>Top issue</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <LeadRow key={l.id} l={l} checked={selected.has(l.id)} onToggle={() => toggle(l.id)} />
          ))}
        </tbody>
      </table>
      {page.isSuccess && !items.length && (
        <div className="empty">
          <h2>No leads {filtered ? "match these filters" : "yet"}</h2>
          <p>Import a CSV or XLSX file from Lists, or add people one by one there.</p>
        </div>
      )}
      <div className="pager">
        <button
          type="button"
          disabled={!stack.length}
          onClick={() => setQ({ pages: stack.slice(0, -1).join(",") })}
        >
          ← Previous
        </button>
        <span className="muted">Page {stack.length + 1}</span>
        <button
          type="button"
          disabled={!page.data?.nextCursor}
          onClick={() => setQ({ pages: [...stack, page.data!.nextCursor!].join(",") })}
        >
          Next →
        </button>
      </div>
    </section>
  );
}

function LeadRow({ l, checked, onToggle }: { l: Lead; checked: boolean; onToggle: () => void }) {
  const name = fullName(l);
  const contact = l.email ?? (l.linkedinUrl ? "LinkedIn only" : "");
  return (
    <tr className={l.blocked ? "blocked" : ""}>
      <td>
        <input type="checkbox" aria-label={`Select ${name}`} checked={checked} onChange={onToggle} />
      </td>
      <td title={`${name}\n${contact}`}>
        <div className="strong">{name}</div>
        <div className="muted small">{contact}</div>
      </td>
      <td title={[l.company, l.companyDomain].filter(Boolean).join("\n")}>
        <div>{l.company}</div>
        <div className="muted small">{l.companyDomain}</div>
      </td>
      <td title={l.jobTitle ?? undefined}>{l.jobTitle}</td>
      <td title={l.location ?? undefined}>{l.location}</td>
      <td>
        <StatusBadge status={l.status} label={l.statusLabel} />
        {l.blocked && (
          <span className="badge st-bounced" title={l.blockedReason ?? ""}>
            Blocked
          </span>
        )}
      </td>
      <td>{l.opens}</td>
      <td className="small">{new Date(l.createdAt).toLocaleDateString()}</td>
      <td>{l.auditGrade && <span className={`grade grade-${l.auditGrade}`}>{l.auditGrade}</span>}</td>
      <td className="small" title={l.auditTopIssue ?? undefined}>
        {l.auditTopIssue}
      </td>
      <td>
        <div className="row-actions">
          <Link to={`/leads/${l.id}`}>View details</Link>
          {l.auditId && <Link to={`/audits/${l.auditId}`}>View audit</Link>}
        </div>
      </td>
    </tr>
  );
}
