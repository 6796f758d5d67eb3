import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Router, useLocation } from "wouter";
import { makeQueryClient } from "./api/queryClient";
import { sessionKey, useSession } from "./api/session";
import { ConfirmHost } from "./components/confirm";
import { useGuardedLocation } from "./hooks/unsaved";
import { LoginPage } from "./pages/LoginPage";
import { SetupPage } from "./pages/SetupPage";
import { AppRoutes } from "./AppRoutes";
import { Shell } from "./Shell";

export function App() {
  const [qc] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={qc}>
      <Router hook={useGuardedLocation}>
        <Gate />
        <ConfirmHost />
      </Router>
    </QueryClientProvider>
  );
}

/** Set-up on a fresh install, sign-in without a session, the app with one. */
function Gate() {
  const session = useSession();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const refresh = () => qc.invalidateQueries({ queryKey: sessionKey });
  if (session.isPending) return <p className="loading">Loading…</p>;
  if (session.isError)
    return (
      <main className="auth-page">
        <p className="error" role="alert">
          Overture cannot be reached: {session.error.message}
        </p>
      </main>
    );
  const s = session.data;
  if (s.kind === "setup")
    return (
      <SetupPage
        onDone={() => {
          navigate("/");
          refresh();
        }}
      />
    );
  if (s.kind === "login") return <LoginPage onDone={refresh} />;
  return (
    <Shell me={s.me} ws={s.ws}>
      <AppRoutes />
    </Shell>
  );
}
