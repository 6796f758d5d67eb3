import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data } from "../../api/client";
import { useTasks } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";

const blocklistKey = ["/api/blocklist"];

export function BlocklistSettings({ canEdit }: { canEdit: boolean }) {
  const entries = useQuery({
    queryKey: blocklistKey,
    queryFn: () => data(client.GET("/api/blocklist")),
    meta: { inline: true },
  });
  const [value, setValue] = useState("");
  const act = useTasks([blocklistKey]);

  function add(e: FormEvent) {
    e.preventDefault();
    act.mutate(async () => {
      const r = await data(client.POST("/api/blocklist", { body: { value } }));
      setValue("");
      return r.added ? `Blocked ${r.kind} ${r.value}` : `${r.value} was already blocked`;
    });
  }

  function fromFile(file: File) {
    act.mutate(async () => {
      const r = await data(client.POST("/api/blocklist/import", { body: { text: await file.text() } }));
      const errs = r.errors.map((x) => `line ${x.line}: ${x.error}`).join("; ");
      return `Added ${r.added}, ${r.alreadyListed} already listed${errs ? `. Skipped ${errs}` : ""}`;
    });
  }

  const unblock = (id: string, value: string) =>
    act.mutate(async () => {
      await data(client.DELETE("/api/blocklist/{id}", { params: { path: { id } } }));
      return `Unblocked ${value}`;
    });

  const list = entries.data ?? [];
  return (
    <div className="stack">
      <p className="muted">
        Nobody on this list is ever contacted: checked when leads are enrolled and again at the moment of
        sending. A domain also blocks its subdomains. Blocked leads are flagged in the Leads table.
      </p>
      {canEdit && (
        <div className="row">
          <form className="inline-form" onSubmit={add}>
            <Field label="Domain or email to block">
              <input
                required
                value={value}
                onChange={(e) => setValue(e.target.value)}
                placeholder="competitor.com or ceo@client.com"
              />
            </Field>
            <button className="primary" type="submit" disabled={act.isPending}>
              Block
            </button>
          </form>
          <Field label="Or upload a file (one per line)">
            <input
              type="file"
              accept=".txt,.csv"
              onChange={(e) => e.target.files?.[0] && fromFile(e.target.files[0])}
            />
          </Field>
        </div>
      )}
      {act.data && (
        <p className="ok" role="status">
          {act.data}
        </p>
      )}
      <ErrorNote error={act.error?.message ?? entries.error?.message ?? null} />
      <table className="table">
        <thead>
          <tr>
            <th>Blocked</th>
            <th>Type</th>
            <th>Added</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((e) => (
            <tr key={e.id}>
              <td>{e.value}</td>
              <td>{e.kind}</td>
              <td className="small">{new Date(e.createdAt).toLocaleString()}</td>
              <td>
                {canEdit && (
                  <button
                    type="button"
                    className="link danger"
                    disabled={act.isPending}
                    onClick={() => unblock(e.id, e.value)}
                  >
                    Unblock
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.data && !list.length && <p className="muted">Nothing blocked yet.</p>}
    </div>
  );
}
