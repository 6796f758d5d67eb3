import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useLocation } from "wouter";
import { client, data } from "./api/client";
import { sessionKey, type Me, type Workspace } from "./api/session";
import { useAction } from "./api/useAction";
import { Link } from "./components/Link";
import { Notices } from "./components/Notices";
import { sectionOf, sections } from "./pages/sections";

/** The signed-in frame: sidebar navigation, the workspace switch, the notices region, the page. */
export function Shell({ me, ws, children }: { me: Me; ws: Workspace; children: ReactNode }) {
  const [path] = useLocation();
  const qc = useQueryClient();
  const current = sectionOf(path);
  const logout = useAction(() => data(client.POST("/api/auth/logout")), {
    onSuccess: () => qc.clear(),
  });
  const switchTo = useAction(
    (workspaceId: string) => data(client.POST("/api/auth/switch-workspace", { body: { workspaceId } })),
    // Everything cached belongs to the workspace we are leaving.
    { onSuccess: () => qc.resetQueries() },
  );
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Overture</div>
        {me.workspaces.length > 1 ? (
          <select
            className="ws-switch"
            aria-label="Workspace"
            value={me.workspaceId}
            disabled={switchTo.isPending}
            onChange={(e) => switchTo.mutate(e.target.value)}
          >
            {me.workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        ) : (
          <div className="ws-name">{ws.name}</div>
        )}
        {(["Outreach", "Workspace"] as const).map((g) => (
          <div key={g} className="nav-group">
            <div className="nav-title">{g}</div>
            {sections
              .filter((s) => s.group === g)
              .map((s) => (
                <Link
                  key={s.path}
                  to={s.path}
                  className={s === current ? "nav-link active" : "nav-link"}
                  aria-current={s === current ? "page" : undefined}
                >
                  {s.label}
                </Link>
              ))}
          </div>
        ))}
        <div className="sidebar-foot">
          <span className="muted">{me.user?.email}</span>
          <button
            className="link"
            type="button"
            disabled={logout.isPending}
            onClick={() =>
              logout.mutate(undefined, { onSuccess: () => qc.setQueryData(sessionKey, { kind: "login" }) })
            }
          >
            Sign out
          </button>
        </div>
      </nav>
      <main className="content">
        <Notices />
        {children}
      </main>
    </div>
  );
}
