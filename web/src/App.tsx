import { useCallback, useEffect, useState } from "react";
import { api, type Me, type Workspace } from "./api";
import { EmptyState } from "./components/EmptyState";
import { AuditReport } from "./pages/audits/AuditReport";
import { AnalyticsPage } from "./pages/analytics/AnalyticsPage";
import { DiscoverPage } from "./pages/discovery/DiscoverPage";
import { EmailsPage } from "./pages/emails/EmailsPage";
import { InboxPage } from "./pages/inbox/InboxPage";
import { LabIndex } from "./pages/lab/LabIndex";
import { MessagingLab } from "./pages/lab/MessagingLab";
import { LeadDetail } from "./pages/leads/LeadDetail";
import { LeadsPage } from "./pages/leads/LeadsPage";
import { ListsPage } from "./pages/lists/ListsPage";
import { LoginPage } from "./pages/LoginPage";
import { PlaysPage } from "./pages/outreach/PlaysPage";
import { RunDetail, RunsPage } from "./pages/outreach/RunsPage";
import { SequenceDetail, SequencesPage } from "./pages/outreach/SequencesPage";
import { PipelinePage } from "./pages/pipeline/PipelinePage";
import { SettingsPage } from "./pages/SettingsPage";
import { SetupPage } from "./pages/SetupPage";
import { sections } from "./pages/sections";
import { navigate, usePath } from "./router";

type State =
  { kind: "loading" } | { kind: "setup" } | { kind: "login" } | { kind: "app"; me: Me; ws: Workspace };

export function App() {
  const [state, setState] = useState<State>({ kind: "loading" });
  const path = usePath();

  const refresh = useCallback(async () => {
    const { needsSetup } = await api<{ needsSetup: boolean }>("GET", "/api/setup");
    if (needsSetup) return setState({ kind: "setup" });
    try {
      const [me, ws] = await Promise.all([
        api<Me>("GET", "/api/me"),
        api<Workspace>("GET", "/api/workspace"),
      ]);
      setState({ kind: "app", me, ws });
    } catch {
      setState({ kind: "login" });
    }
  }, []);

  useEffect(() => {
    refresh();
  }, [refresh]);

  if (state.kind === "loading") return <p className="loading">Loading…</p>;
  if (state.kind === "setup")
    return (
      <SetupPage
        onDone={() => {
          navigate("/settings");
          refresh();
        }}
      />
    );
  if (state.kind === "login") return <LoginPage onDone={refresh} />;

  // An audit report belongs with the leads it was run for.
  const navPath = path.startsWith("/audits/")
    ? "/leads"
    : /^\/sequences\/[^/]+\/lab$/.test(path)
      ? "/lab"
      : path;
  const current =
    sections.find((s) => navPath.startsWith(s.path)) ?? sections.find((s) => s.path === "/settings")!;
  async function logout() {
    await api("POST", "/api/auth/logout");
    setState({ kind: "login" });
  }
  async function switchTo(id: string) {
    await api("POST", "/api/auth/switch-workspace", { workspaceId: id });
    refresh();
  }

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Overture</div>
        {state.me.workspaces.length > 1 ? (
          <select
            className="ws-switch"
            aria-label="Workspace"
            value={state.me.workspaceId}
            onChange={(e) => switchTo(e.target.value)}
          >
            {state.me.workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        ) : (
          <div className="ws-name">{state.ws.name}</div>
        )}
        {(["Outreach", "Workspace"] as const).map((g) => (
          <div key={g} className="nav-group">
            <div className="nav-title">{g}</div>
            {sections
              .filter((s) => s.group === g)
              .map((s) => (
                <a
                  key={s.path}
                  href={s.path}
                  className={s === current ? "nav-link active" : "nav-link"}
                  aria-current={s === current ? "page" : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(s.path);
                  }}
                >
                  {s.label}
                  {!s.ready && <span className="soon">soon</span>}
                </a>
              ))}
          </div>
        ))}
        <div className="sidebar-foot">
          <span className="muted">{state.me.user?.email}</span>
          <button className="link" type="button" onClick={logout}>
            Sign out
          </button>
        </div>
      </nav>
      <main className="content">
        {path.startsWith("/audits/") ? (
          <AuditReport key={path} id={path.slice("/audits/".length)} />
        ) : current.path === "/settings" ? (
          <SettingsPage me={state.me} onChanged={refresh} />
        ) : path.startsWith("/leads/") ? (
          <LeadDetail key={path} id={path.slice("/leads/".length)} />
        ) : current.path === "/leads" ? (
          <LeadsPage key={window.location.search} />
        ) : current.path === "/discover" ? (
          <DiscoverPage />
        ) : current.path === "/lists" ? (
          <ListsPage />
        ) : current.path === "/plays" ? (
          <PlaysPage />
        ) : path.startsWith("/runs/") ? (
          <RunDetail key={path} id={path.slice("/runs/".length)} />
        ) : current.path === "/runs" ? (
          <RunsPage />
        ) : path.startsWith("/sequences/") && path.endsWith("/lab") ? (
          <MessagingLab key={path} id={path.slice("/sequences/".length, -"/lab".length)} />
        ) : current.path === "/lab" ? (
          <LabIndex />
        ) : path.startsWith("/sequences/") ? (
          <SequenceDetail
            key={path}
            id={path.slice("/sequences/".length)}
            workspaceZone={state.ws.timezone}
          />
        ) : current.path === "/sequences" ? (
          <SequencesPage />
        ) : current.path === "/emails" ? (
          <EmailsPage />
        ) : current.path === "/analytics" ? (
          <AnalyticsPage />
        ) : current.path === "/pipeline" ? (
          <PipelinePage />
        ) : current.path === "/inbox" ? (
          <InboxPage />
        ) : (
          <section>
            <header className="page-head">
              <h1>{current.label}</h1>
            </header>
            <EmptyState title={`${current.label} is coming`}>{current.empty ?? ""}</EmptyState>
          </section>
        )}
      </main>
    </div>
  );
}
