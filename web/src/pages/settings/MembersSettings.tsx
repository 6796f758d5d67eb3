import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote, Field } from "../../components/Field";
import { ask } from "../../components/confirm";

type Member = { userId: string; email: string; name: string; role: string; since: string };

export function MembersSettings({ canEdit, myId }: { canEdit: boolean; myId: string | undefined }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [form, setForm] = useState({ email: "", role: "member", password: "" });
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () => api<Member[]>("GET", "/api/members").then(setMembers, (e) => setError(e.message)),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  async function add(e: FormEvent) {
    e.preventDefault();
    await act(async () => {
      await api("POST", "/api/members", { ...form, password: form.password || undefined });
      setForm({ email: "", role: "member", password: "" });
    });
  }

  return (
    <div className="stack">
      <table className="table">
        <thead>
          <tr>
            <th>Email</th>
            <th>Role</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>
                {m.email} {m.userId === myId && <span className="badge">you</span>}
              </td>
              <td>
                {canEdit ? (
                  <select
                    aria-label={`Role of ${m.email}`}
                    value={m.role}
                    onChange={(e) =>
                      act(() => api("PATCH", `/api/members/${m.userId}`, { role: e.target.value }))
                    }
                  >
                    <option value="owner">Owner</option>
                    <option value="admin">Admin</option>
                    <option value="member">Member</option>
                  </select>
                ) : (
                  m.role
                )}
              </td>
              <td>
                {canEdit && m.userId !== myId && (
                  <button
                    className="link danger"
                    type="button"
                    onClick={async () =>
                      (await ask({
                        title: `Remove ${m.email}?`,
                        body: "They lose access to this workspace at once.",
                        confirm: "Remove member",
                        danger: true,
                      })) && act(() => api("DELETE", `/api/members/${m.userId}`))
                    }
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <form className="card form-grid" onSubmit={add}>
          <h3>Add a member</h3>
          <div className="row">
            <Field label="Email">
              <input
                required
                type="email"
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
            </Field>
            <Field label="Role">
              <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
                <option value="member">Member</option>
                <option value="admin">Admin</option>
                <option value="owner">Owner</option>
              </select>
            </Field>
          </div>
          <Field
            label="Initial password"
            hint="Needed for people without an account yet; share it with them privately."
          >
            <input
              type="password"
              minLength={12}
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </Field>
          <div className="actions">
            <button className="primary" type="submit">
              Add member
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
