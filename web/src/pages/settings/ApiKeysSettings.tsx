import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";
import { ask } from "../../components/confirm";

type Key = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function ApiKeysSettings({ canEdit }: { canEdit: boolean }) {
  const [keys, setKeys] = useState<Key[]>([]);
  const [name, setName] = useState("");
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      canEdit
        ? api<Key[]>("GET", "/api/api-keys").then(setKeys, (e) => setError(e.message))
        : Promise.resolve(),
    [canEdit],
  );
  useEffect(() => {
    load();
  }, [load]);
  if (!canEdit) return <p className="muted">Only owners and admins manage API keys.</p>;

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const k = await api<{ key: string }>("POST", "/api/api-keys", { name });
      setFresh(k.key);
      setName("");
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function revoke(k: Key) {
    const ok = await ask({
      title: `Revoke "${k.name}"?`,
      body: "Scripts using it will stop working at once.",
      confirm: "Revoke key",
      danger: true,
    });
    if (!ok) return;
    try {
      await api("DELETE", `/api/api-keys/${k.id}`);
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <div className="stack">
      <p className="muted">
        Keys let scripts use the API: send <code>Authorization: Bearer &lt;key&gt;</code>. See the{" "}
        <a href="/api/docs">API reference</a>.
      </p>
      {fresh && (
        <div className="card notice" role="status">
          <strong>Copy this key now — it is shown only once:</strong>
          <code className="secret">{fresh}</code>
        </div>
      )}
      <form className="inline-form" onSubmit={create}>
        <Field label="New key name">
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. CRM sync"
          />
        </Field>
        <button className="primary" type="submit">
          Create key
        </button>
      </form>
      <table className="table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Key</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className={k.revokedAt ? "revoked" : ""}>
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{new Date(k.createdAt).toLocaleString()}</td>
              <td>{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : "never"}</td>
              <td>
                {k.revokedAt ? (
                  <span className="badge">revoked</span>
                ) : (
                  <button className="link danger" type="button" onClick={() => revoke(k)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNote error={error} />
    </div>
  );
}
