import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { ask } from "../../components/confirm";

type Role = "owner" | "admin" | "member";
const membersKey = ["/api/members"];
const blank = { email: "", role: "member" as Role, password: "" };

export function MembersSettings({ canEdit, myId }: { canEdit: boolean; myId: string | undefined }) {
  const members = useQuery({
    queryKey: membersKey,
    queryFn: () => data(client.GET("/api/members")),
    meta: { inline: true },
  });
  const [form, setForm] = useState(blank);
  const opts = { inline: true, invalidate: [membersKey] };
  const add = useAction(
    () => data(client.POST("/api/members", { body: { ...form, password: form.password || undefined } })),
    { ...opts, onSuccess: () => setForm(blank) },
  );
  const setRole = useAction(
    ({ userId, role }: { userId: string; role: Role }) =>
      data(client.PATCH("/api/members/{userId}", { params: { path: { userId } }, body: { role } })),
    opts,
  );
  const remove = useAction(
    (userId: string) => data(client.DELETE("/api/members/{userId}", { params: { path: { userId } } })),
    opts,
  );
  const error = add.error ?? setRole.error ?? remove.error ?? members.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    setRole.reset();
    remove.reset();
    add.mutate();
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
          {(members.data ?? []).map((m) => (
            <tr key={m.userId}>
              <td>
                {m.email} {m.userId === myId && <span className="badge">you</span>}
              </td>
              <td>
                {canEdit ? (
                  <select
                    aria-label={`Role of ${m.email}`}
                    value={m.role}
                    disabled={setRole.isPending}
                    onChange={(e) => setRole.mutate({ userId: m.userId, role: e.target.value as Role })}
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
                    disabled={remove.isPending}
                    onClick={async () =>
                      (await ask({
                        title: `Remove ${m.email}?`,
                        body: "They lose access to this workspace at once.",
                        confirm: "Remove member",
                        danger: true,
                      })) && remove.mutate(m.userId)
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
        <form className="card form-grid" onSubmit={submit}>
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
              <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
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
            <button className="primary" type="submit" disabled={add.isPending}>
              Add member
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={error?.message ?? null} />
    </div>
  );
}
