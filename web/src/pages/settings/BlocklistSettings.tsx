import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";

type Entry = { id: string; kind: string; value: string; reason: string; createdAt: string };

export function BlocklistSettings({ canEdit }: { canEdit: boolean }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(
    () => api<Entry[]>("GET", "/api/blocklist").then(setEntries, (e) => setError(e.message)),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);

  const act = async (fn: () => Promise<string | undefined>) => {
    setError(null);
    setNotice(null);
    try {
      const n = await fn();
      if (n) setNotice(n);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  async function add(e: FormEvent) {
    e.preventDefault();
    await act(async () => {
      const r = await api<{ kind: string; value: string; added: boolean }>("POST", "/api/blocklist", {
        value,
      });
      setValue("");
      return r.added ? `Blocked ${r.kind} ${r.value}` : `${r.value} was already blocked`;
    });
  }

  async function fromFile(file: File) {
    await act(async () => {
      const r = await api<{
        added: number;
        alreadyListed: number;
        errors: { line: number; error: string }[];
      }>("POST", "/api/blocklist/import", { text: await file.text() });
      const errs = r.errors.map((x) => `line ${x.line}: ${x.error}`).join("; ");
      return `Added ${r.added}, ${r.alreadyListed} already listed${errs ? `. Skipped ${errs}` : ""}`;
    });
  }

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
            <button className="primary" type="submit">
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
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
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
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.value}</td>
              <td>{e.kind}</td>
              <td className="small">{new Date(e.createdAt).toLocaleString()}</td>
              <td>
                {canEdit && (
                  <button
                    type="button"
                    className="link danger"
                    onClick={() =>
                      act(async () => (await api("DELETE", `/api/blocklist/${e.id}`), `Unblocked ${e.value}`))
                    }
                  >
                    Unblock
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!entries.length && <p className="muted">Nothing blocked yet.</p>}
    </div>
  );
}
