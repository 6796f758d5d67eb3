import { Link } from "../../components/Link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../../api";
import { ErrorNote } from "../../components/Field";
import { navigate } from "../../router";
import { fullName, type Lead, type ListSummary, statusOptions } from "./leadTypes";
import { PlusVibeActions } from "./PlusVibeActions";
import { StatusBadge } from "./StatusBadge";

type Page = { items: Lead[]; nextCursor: string | null };
const columns: { key: string; label: string }[] = [
  { key: "lastName", label: "Contact" },
  { key: "company", label: "Company / domain" },
  { key: "jobTitle", label: "Title" },
  { key: "location", label: "Location" },
  { key: "status", label: "Status" },
  { key: "opens", label: "Opens" },
  { key: "createdAt", label: "Added" },
];

export function LeadsPage() {
  const params = new URLSearchParams(window.location.search);
  const [search, setSearch] = useState(params.get("search") ?? "");
  const [query, setQuery] = useState(params.get("search") ?? "");
  const [status, setStatus] = useState("");
  const [listId, setListId] = useState(params.get("listId") ?? "");
  const [emailStatus, setEmailStatus] = useState("");
  const [sort, setSort] = useState("-createdAt");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page | null>(null);
  const [lists, setLists] = useState<ListSummary[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [bulkList, setBulkList] = useState("");
  const [bulkStatus, setBulkStatus] = useState("");
  const cursor = cursors[cursors.length - 1];

  const qs = useMemo(() => {
    const p = new URLSearchParams();
    if (query) p.set("search", query);
    if (status) p.set("status", status);
    if (listId) p.set("listId", listId);
    if (emailStatus) p.set("emailStatus", emailStatus);
    p.set("sort", sort);
    return p;
  }, [query, status, listId, emailStatus, sort]);

  const load = useCallback(async () => {
    setError(null);
    const p = new URLSearchParams(qs);
    if (cursor) p.set("cursor", cursor);
    try {
      setPage(await api<Page>("GET", `/api/leads?${p}`));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [qs, cursor]);

  useEffect(() => {
    load();
  }, [load]);
  useEffect(() => {
    api<ListSummary[]>("GET", "/api/lists").then(setLists, () => {});
  }, []);
  useEffect(() => {
    // Typing waits a moment before searching; any filter change starts again at page one.
    const t = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(t);
  }, [search]);
  useEffect(() => {
    setCursors([null]);
    setSelected(new Set());
  }, [qs]);

  const items = page?.items ?? [];
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

  async function bulk(action: string, extra: Record<string, string> = {}) {
    setError(null);
    setNotice(null);
    const ids = [...selected];
    if (
      action === "delete" &&
      !confirm(`Delete ${ids.length} lead(s) for good, with their timelines? This cannot be undone.`)
    )
      return;
    try {
      const r = await api<Record<string, number>>("POST", "/api/leads/bulk", { action, ids, ...extra });
      setNotice(
        Object.entries(r)
          .map(([k, v]) => `${v} ${k.replace(/([A-Z])/g, " $1").toLowerCase()}`)
          .join(", "),
      );
      setSelected(new Set());
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function auditSelected() {
    setError(null);
    try {
      const r = await api<{ jobId: number | null; queued: number; skipped: { id: string }[] }>(
        "POST",
        "/api/leads/audits",
        { leadIds: [...selected] },
      );
      setNotice(
        `${r.queued} audit(s) queued${r.skipped.length ? `, ${r.skipped.length} skipped (no company domain)` : ""}; progress under Settings → Background jobs`,
      );
      setSelected(new Set());
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function startJob(path: string, what: string) {
    setError(null);
    try {
      await api("POST", path, { leadIds: [...selected] });
      setNotice(`${what} of ${selected.size} lead(s) started; progress under Settings → Background jobs`);
      setSelected(new Set());
    } catch (e) {
      setError((e as Error).message);
    }
  }
  const verifySelected = () =>
    startJob(
      "/api/leads/verify-emails",
      "verification (leads without an email get one found from name + domain)",
    );
  const enrichSelected = () => startJob("/api/leads/enrich", "enrichment (company website and profile)");

  function exportCsv() {
    const p = new URLSearchParams(qs);
    if (selected.size) p.set("ids", [...selected].join(","));
    window.location.href = `/api/leads/export.csv?${p}`;
  }

  const sortBy = (key: string) => setSort(sort === key ? `-${key}` : key);
  const arrow = (key: string) => (sort === key ? " ▲" : sort === `-${key}` ? " ▼" : "");

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
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">All statuses</option>
          {statusOptions.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
        <select aria-label="List" value={listId} onChange={(e) => setListId(e.target.value)}>
          <option value="">All lists</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Email status"
          value={emailStatus}
          onChange={(e) => setEmailStatus(e.target.value)}
        >
          <option value="">Any email</option>
          <option value="valid">Verified</option>
          <option value="unverified">Not verified</option>
          <option value="risky">Risky</option>
          <option value="catch_all">Catch-all</option>
          <option value="invalid">Invalid</option>
          <option value="none">No email</option>
        </select>
      </div>
      {selected.size > 0 && (
        <div className="bulkbar" role="toolbar" aria-label="Bulk actions">
          <strong>{selected.size} selected</strong>
          <select aria-label="Add to list" value={bulkList} onChange={(e) => setBulkList(e.target.value)}>
            <option value="">List…</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!bulkList}
            onClick={() => bulk("add_to_list", { listId: bulkList })}
          >
            Add to list
          </button>
          <button
            type="button"
            disabled={!bulkList}
            onClick={() => bulk("remove_from_list", { listId: bulkList })}
          >
            Remove from list
          </button>
          <select aria-label="New status" value={bulkStatus} onChange={(e) => setBulkStatus(e.target.value)}>
            <option value="">Status…</option>
            {statusOptions.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!bulkStatus}
            onClick={() => bulk("set_status", { status: bulkStatus })}
          >
            Change status
          </button>
          <button type="button" onClick={auditSelected}>
            Audit websites
          </button>
          <button type="button" onClick={verifySelected}>
            Verify emails
          </button>
          <button type="button" onClick={enrichSelected}>
            Enrich
          </button>
          <button type="button" onClick={exportCsv}>
            Export CSV
          </button>
          <button type="button" className="danger-btn" onClick={() => bulk("delete")}>
            Delete
          </button>
          <PlusVibeActions
            selected={[...selected]}
            names={Object.fromEntries(
              (page?.items ?? []).map((l) => [
                l.id,
                [l.firstName, l.lastName].filter(Boolean).join(" ") || l.email || l.id,
              ]),
            )}
            onDone={(m) => {
              setNotice(m);
              setSelected(new Set());
              load();
            }}
          />
        </div>
      )}
      {notice && (
        <p className="ok" role="status">
          Done: {notice}
        </p>
      )}
      <ErrorNote error={error} />
      <table className="table leads-table">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label="Select all on page"
                checked={allOnPage}
                onChange={toggleAll}
              />
            </th>
            {columns.map((c) => (
              <th key={c.key}>
                <button type="button" className="sort" onClick={() => sortBy(c.key)}>
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
            <tr key={l.id} className={l.blocked ? "blocked" : ""}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select ${fullName(l)}`}
                  checked={selected.has(l.id)}
                  onChange={() => toggle(l.id)}
                />
              </td>
              <td>
                <div className="strong">{fullName(l)}</div>
                <div className="muted small">{l.email ?? (l.linkedinUrl ? "LinkedIn only" : "")}</div>
              </td>
              <td>
                <div>{l.company}</div>
                <div className="muted small">{l.companyDomain}</div>
              </td>
              <td>{l.jobTitle}</td>
              <td>{l.location}</td>
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
              <td className="small">{l.auditTopIssue}</td>
              <td>
                <div className="row-actions">
                  <Link to={`/leads/${l.id}`}>View details</Link>
                  {l.auditId && <Link to={`/audits/${l.auditId}`}>View audit</Link>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && !items.length && (
        <div className="empty">
          <h2>No leads {query || status || listId || emailStatus ? "match these filters" : "yet"}</h2>
          <p>Import a CSV or XLSX file from Lists, or add people one by one there.</p>
        </div>
      )}
      <div className="pager">
        <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          ← Previous
        </button>
        <span className="muted">Page {cursors.length}</span>
        <button
          type="button"
          disabled={!page?.nextCursor}
          onClick={() => setCursors([...cursors, page!.nextCursor])}
        >
          Next →
        </button>
      </div>
    </section>
  );
}
