import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { ask } from "../../components/confirm";

type Key = Get<"/api/api-keys">[number];
const keysKey = ["/api/api-keys"];

export function ApiKeysSettings({ canEdit }: { canEdit: boolean }) {
  const keys = useQuery({
    queryKey: keysKey,
    queryFn: () => data(client.GET("/api/api-keys")),
    enabled: canEdit,
    meta: { inline: true },
  });
  const [name, setName] = useState("");
  const create = useAction(() => data(client.POST("/api/api-keys", { body: { name } })), {
    inline: true,
    invalidate: [keysKey],
    onSuccess: () => setName(""),
  });
  const revoke = useAction(
    (id: string) => data(client.DELETE("/api/api-keys/{id}", { params: { path: { id } } })),
    { inline: true, invalidate: [keysKey] },
  );
  if (!canEdit) return <p className="muted">Only owners and admins manage API keys.</p>;

  function submit(e: FormEvent) {
    e.preventDefault();
    revoke.reset();
    create.mutate();
  }

  async function confirmRevoke(k: Key) {
    const ok = await ask({
      title: `Revoke "${k.name}"?`,
      body: "Scripts using it will stop working at once.",
      confirm: "Revoke key",
      danger: true,
    });
    if (ok) revoke.mutate(k.id);
  }

  const fresh = create.data?.key;
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
      <form className="inline-form" onSubmit={submit}>
        <Field label="New key name">
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. CRM sync"
          />
        </Field>
        <button className="primary" type="submit" disabled={create.isPending}>
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
          {(keys.data ?? []).map((k) => (
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
                  <button
                    className="link danger"
                    type="button"
                    disabled={revoke.isPending}
                    onClick={() => confirmRevoke(k)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNote error={create.error?.message ?? revoke.error?.message ?? keys.error?.message ?? null} />
    </div>
  );
}
