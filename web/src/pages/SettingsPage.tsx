import { useQueryClient } from "@tanstack/react-query";
import { sessionKey, useAppSession } from "../api/session";
import { Tabs } from "../components/Tabs";
import { useSearchState } from "../hooks/useSearchState";
import { ApiKeysSettings } from "./settings/ApiKeysSettings";
import { AuditLogSettings } from "./settings/AuditLogSettings";
import { BlocklistSettings } from "./settings/BlocklistSettings";
import { SenderDomainChecks } from "./settings/SenderDomainChecks";
import { SenderHealth } from "./settings/SenderHealth";
import { SendersSettings } from "./settings/SendersSettings";
import { StrategySettings } from "./settings/StrategySettings";
import { IntegrationsSettings } from "./settings/IntegrationsSettings";
import { JobsPanel } from "./settings/JobsPanel";
import { LinkedInSettings } from "./settings/LinkedInSettings";
import { MembersSettings } from "./settings/MembersSettings";
import { UsageSettings } from "./settings/UsageSettings";
import { WebhooksSettings } from "./settings/WebhooksSettings";
import { WorkspaceSettings } from "./settings/WorkspaceSettings";

const tabs = [
  "Workspace",
  "Members",
  "Senders",
  "Strategy profiles",
  "Blocklist",
  "API keys",
  "Integrations",
  "Webhooks",
  "Usage",
  "Background jobs",
  "Audit log",
] as const;

/** The tab's address: `?tab=api-keys`, so Back and reload return to it. */
const slug = (t: string) => t.toLowerCase().replace(/ /g, "-");

export function SettingsPage() {
  const { me } = useAppSession();
  const qc = useQueryClient();
  const onChanged = () => qc.invalidateQueries({ queryKey: sessionKey });
  const [q, setQ] = useSearchState(["tab"] as const);
  const tab = tabs.find((t) => slug(t) === q.tab) ?? "Workspace";
  const setTab = (t: (typeof tabs)[number]) => setQ({ tab: t === "Workspace" ? "" : slug(t) });
  const canEdit = me.role === "owner" || me.role === "admin";
  return (
    <section>
      <header className="page-head">
        <h1>Settings</h1>
      </header>
      <Tabs tabs={tabs.map((t) => [t, t] as const)} value={tab} onChange={setTab} />
      {tab === "Workspace" && <WorkspaceSettings canEdit={canEdit} onSaved={onChanged} />}
      {tab === "Members" && <MembersSettings canEdit={canEdit} myId={me.user?.id} />}
      {tab === "Senders" && (
        <div className="stack">
          <SendersSettings canEdit={canEdit} />
          <SenderDomainChecks canEdit={canEdit} />
          <SenderHealth />
        </div>
      )}
      {tab === "Strategy profiles" && <StrategySettings />}
      {tab === "Blocklist" && <BlocklistSettings canEdit={canEdit} />}
      {tab === "API keys" && <ApiKeysSettings canEdit={canEdit} />}
      {tab === "Integrations" && (
        <div className="stack">
          <IntegrationsSettings canEdit={canEdit} />
          <LinkedInSettings canEdit={canEdit} />
        </div>
      )}
      {tab === "Webhooks" && <WebhooksSettings canEdit={canEdit} />}
      {tab === "Usage" && <UsageSettings canEdit={canEdit} />}
      {tab === "Background jobs" && <JobsPanel />}
      {tab === "Audit log" && <AuditLogSettings canEdit={canEdit} />}
    </section>
  );
}
