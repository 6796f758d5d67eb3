import { type FormEvent, useState } from "react";
import { client, data } from "../api/client";
import { useAction } from "../api/useAction";
import { ErrorNote, Field } from "../components/Field";

const guessZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function SetupPage({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({
    workspaceName: "",
    name: "",
    email: "",
    password: "",
    timezone: guessZone(),
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  const send = useAction(() => data(client.POST("/api/setup", { body: form })), {
    inline: true,
    onSuccess: () => onDone(),
  });
  const busy = send.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    send.mutate();
  }

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={submit}>
        <h1>Welcome to Overture</h1>
        <p className="muted">
          Create your workspace and the owner account. Everything stays on this machine.
        </p>
        <Field label="Workspace name">
          <input
            required
            autoFocus
            value={form.workspaceName}
            onChange={set("workspaceName")}
            placeholder="Acme Sales"
          />
        </Field>
        <Field label="Your name">
          <input value={form.name} onChange={set("name")} placeholder="Ada Lovelace" />
        </Field>
        <Field label="Email">
          <input required type="email" value={form.email} onChange={set("email")} autoComplete="username" />
        </Field>
        <Field
          label="Password"
          hint="At least 12 characters, not a common password: a few unrelated words work well."
        >
          <input
            required
            type="password"
            minLength={12}
            value={form.password}
            onChange={set("password")}
            autoComplete="new-password"
          />
        </Field>
        <Field label="Workspace timezone" hint="Used for leads whose own timezone cannot be worked out.">
          <input required value={form.timezone} onChange={set("timezone")} />
        </Field>
        <ErrorNote error={send.error?.message ?? null} />
        <button className="primary" disabled={busy} type="submit">
          {busy ? "Creating…" : "Create workspace"}
        </button>
      </form>
    </main>
  );
}
