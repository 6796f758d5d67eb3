import { useState } from "react";
import type { Me } from "../api";
import { ApiKeysSettings } from "./settings/ApiKeysSettings";
import { BlocklistSettings } from "./settings/BlocklistSettings";
import { SendersSettings, StrategySettings } from "./settings/SendersSettings";
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
] as const;

export function SettingsPage({ me, onChanged }: { me: Me; onChanged: () => void }) {
  const [tab, setTab] = useState<(typeof tabs)[number]>("Workspace");
  const canEdit = me.role === "owner" || me.role === "admin";
  return (
    <section>
      <header className="page-head">
        <h1>Settings</h1>
      </header>
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={tab === t}
            className={tab === t ? "tab active" : "tab"}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </div>
      {tab === "Workspace" && <WorkspaceSettings canEdit={canEdit} onSaved={onChanged} />}
      {tab === "Members" && <MembersSettings canEdit={canEdit} myId={me.user?.id} />}
      {tab === "Senders" && <SendersSettings />}
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
    </section>
  );
}
