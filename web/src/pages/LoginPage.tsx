import { type FormEvent, useState } from "react";
import { client, data } from "../api/client";
import { useAction } from "../api/useAction";
import { ErrorNote, Field } from "../components/Field";

export function LoginPage({ onDone }: { onDone: () => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const send = useAction(() => data(client.POST("/api/auth/login", { body: { email, password } })), {
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
        <h1>Sign in to Overture</h1>
        <Field label="Email">
          <input
            required
            autoFocus
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="username"
          />
        </Field>
        <Field label="Password">
          <input
            required
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </Field>
        <ErrorNote error={send.error?.message ?? null} />
        <button className="primary" disabled={busy} type="submit">
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
