import { Link } from "../../components/Link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data } from "../../api/client";
import { useTasks } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { ImportWizard } from "./ImportWizard";
import { ask } from "../../components/confirm";

const listsKey = ["/api/lists"];

export function ListsPage() {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: listsKey,
    queryFn: () => data(client.GET("/api/lists")),
    meta: { inline: true },
  });
  const lists = query.data ?? [];
  const [name, setName] = useState("");
  const [importing, setImporting] = useState<string | null>(null);
  const [manual, setManual] = useState({
    listId: "",
    firstName: "",
    lastName: "",
    email: "",
    linkedinUrl: "",
    company: "",
    jobTitle: "",
  });
  const act = useTasks([listsKey, ["/api/leads"], ["/api/home"]]);
  const path = (id: string) => ({ params: { path: { id } } });

  // Forms clear only once it worked, so a refusal (a duplicate's 409) keeps what was typed.
  function create(e: FormEvent) {
    e.preventDefault();
    act.mutate(() => data(client.POST("/api/lists", { body: { name } })).then(() => `Created ${name}`), {
      onSuccess: () => setName(""),
    });
  }
  function addManual(e: FormEvent) {
    e.preventDefault();
    const { listId, ...fields } = manual;
    const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim()));
    act.mutate(
      () =>
        data(client.POST("/api/leads", { body: { ...body, listId: listId || undefined } })).then(
          () => "Lead added",
        ),
      { onSuccess: clearManual },
    );
  }
  function clearManual() {
    setManual({
      ...manual,
      firstName: "",
      lastName: "",
      email: "",
      linkedinUrl: "",
      company: "",
      jobTitle: "",
    });
  }

  return (
    <section>
      <header className="page-head row-between">
        <div>
          <h1>Lists</h1>
          <p className="muted">
            Groups of leads. A lead can be in many lists; duplicating a list shares its leads.
          </p>
        </div>
        <button
          type="button"
          className="primary"
          onClick={() => setImporting(importing === null ? "" : null)}
        >
          {importing === null ? "Import CSV / XLSX" : "Close import"}
        </button>
      </header>
      {importing !== null && (
        <ImportWizard
          lists={lists}
          initialListId={importing || undefined}
          onDone={() => void qc.invalidateQueries({ queryKey: listsKey })}
        />
      )}
      {act.data && (
        <p className="ok" role="status">
          {act.data}
        </p>
      )}
      <ErrorNote error={act.error?.message ?? query.error?.message ?? null} />
      <table className="table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Source</th>
            <th>Leads</th>
            <th>Created</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {lists.map((l) => (
            <tr key={l.id}>
              <td>
                <Link to={`/leads?listId=${l.id}`}>{l.name}</Link>
              </td>
              <td>
                <span className="badge">{l.source}</span>
              </td>
              <td>{l.leadCount.toLocaleString()}</td>
              <td className="small">{new Date(l.createdAt).toLocaleDateString()}</td>
              <td className="actions">
                <button type="button" className="link" onClick={() => setImporting(l.id)}>
                  Import into
                </button>
                <button
                  type="button"
                  className="link"
                  onClick={async () => {
                    const n = await ask({
                      title: `Rename "${l.name}"`,
                      confirm: "Rename",
                      field: { label: "New name", initial: l.name },
                    });
                    if (n && n !== l.name)
                      act.mutate(() =>
                        data(client.PATCH("/api/lists/{id}", { ...path(l.id), body: { name: n } })).then(
                          () => "Renamed",
                        ),
                      );
                  }}
                >
                  Rename
                </button>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    act.mutate(() =>
                      data(client.POST("/api/lists/{id}/duplicate", { ...path(l.id), body: {} })).then(
                        () => `Duplicated ${l.name}`,
                      ),
                    )
                  }
                >
                  Duplicate
                </button>
                <button
                  type="button"
                  className="link danger"
                  onClick={async () => {
                    const ok = await ask({
                      title: `Delete the list "${l.name}"?`,
                      body: "The list goes; its leads stay in your workspace.",
                      confirm: "Delete list",
                      danger: true,
                    });
                    if (!ok) return;
                    const also = await ask({
                      title: "Also delete its leads?",
                      body: "Leads of this list that are in no other list can be deleted too, with their timelines.",
                      confirm: "Delete those leads too",
                      danger: true,
                    });
                    act.mutate(() =>
                      data(
                        client.DELETE("/api/lists/{id}", {
                          params: { path: { id: l.id }, query: also ? { deleteLeads: "true" } : {} },
                        }),
                      ).then(() => "List deleted"),
                    );
                  }}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {query.data && !lists.length && (
        <p className="muted">No lists yet. Create one, or import a file and a list is made for it.</p>
      )}
      <div className="two-col">
        <form className="card form-grid" onSubmit={create}>
          <h3>New list</h3>
          <Field label="List name">
            <input
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Q1 Prospects"
            />
          </Field>
          <div className="actions">
            <button type="submit" disabled={act.isPending}>
              Create list
            </button>
          </div>
        </form>
        <form className="card form-grid" onSubmit={addManual}>
          <h3>Add one lead by hand</h3>
          <div className="grid2">
            <Field label="First name">
              <input
                value={manual.firstName}
                onChange={(e) => setManual({ ...manual, firstName: e.target.value })}
              />
            </Field>
            <Field label="Last name">
              <input
                value={manual.lastName}
                onChange={(e) => setManual({ ...manual, lastName: e.target.value })}
              />
            </Field>
            <Field label="LinkedIn URL">
              <input
                value={manual.linkedinUrl}
                onChange={(e) => setManual({ ...manual, linkedinUrl: e.target.value })}
              />
            </Field>
            <Field label="Lead email">
              <input
                type="email"
                value={manual.email}
                onChange={(e) => setManual({ ...manual, email: e.target.value })}
              />
            </Field>
            <Field label="Company">
              <input
                value={manual.company}
                onChange={(e) => setManual({ ...manual, company: e.target.value })}
              />
            </Field>
            <Field label="Job title">
              <input
                value={manual.jobTitle}
                onChange={(e) => setManual({ ...manual, jobTitle: e.target.value })}
              />
            </Field>
          </div>
          <Field label="Add to list">
            <select value={manual.listId} onChange={(e) => setManual({ ...manual, listId: e.target.value })}>
              <option value="">No list</option>
              {lists.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="actions">
            <button type="submit" disabled={act.isPending}>
              Add lead
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
