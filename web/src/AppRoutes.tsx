import type { ComponentType } from "react";
import { Route, Switch, useParams } from "wouter";
import { isId, NotFound } from "./components/NotFound";
import { AnalyticsPage } from "./pages/analytics/AnalyticsPage";
import { AuditReport } from "./pages/audits/AuditReport";
import { DiscoverPage } from "./pages/discovery/DiscoverPage";
import { EmailsPage } from "./pages/emails/EmailsPage";
import { HomePage } from "./pages/home/HomePage";
import { InboxPage } from "./pages/inbox/InboxPage";
import { LabIndex } from "./pages/lab/LabIndex";
import { MessagingLab } from "./pages/lab/MessagingLab";
import { LeadDetail } from "./pages/leads/LeadDetail";
import { LeadsPage } from "./pages/leads/LeadsPage";
import { ListsPage } from "./pages/lists/ListsPage";
import { PlaysPage } from "./pages/outreach/PlaysPage";
import { RunDetail } from "./pages/outreach/RunDetail";
import { RunsPage } from "./pages/outreach/RunsPage";
import { SequenceDetail } from "./pages/outreach/SequenceDetail";
import { SequencesPage } from "./pages/outreach/SequencesPage";
import { PipelinePage } from "./pages/pipeline/PipelinePage";
import { SenderDeliverability } from "./pages/senders/SenderDeliverability";
import { SettingsPage } from "./pages/SettingsPage";

/** A page for one thing: an id that is not one gets the friendly not-found page, not a 400. */
function byId(Page: ComponentType<{ id: string }>, what: string) {
  return function ById() {
    const { id } = useParams<{ id: string }>();
    return isId(id) ? <Page key={id} id={id} /> : <NotFound what={what} />;
  };
}

const routes: [string, ComponentType][] = [
  ["/", HomePage],
  ["/plays", PlaysPage],
  ["/runs", RunsPage],
  ["/runs/:id", byId(RunDetail, "run")],
  ["/leads", LeadsPage],
  ["/leads/:id", byId(LeadDetail, "lead")],
  ["/audits/:id", byId(AuditReport, "audit")],
  ["/discover", DiscoverPage],
  ["/lists", ListsPage],
  ["/sequences", SequencesPage],
  ["/sequences/:id", byId(SequenceDetail, "sequence")],
  ["/sequences/:id/lab", byId(MessagingLab, "sequence")],
  ["/lab", LabIndex],
  ["/emails", EmailsPage],
  ["/inbox", InboxPage],
  ["/pipeline", PipelinePage],
  ["/analytics", AnalyticsPage],
  ["/senders/:id/deliverability", byId(SenderDeliverability, "sender")],
  ["/settings", SettingsPage],
];

export function AppRoutes() {
  return (
    <Switch>
      {routes.map(([path, Page]) => (
        <Route key={path} path={path} component={Page} />
      ))}
      <Route component={() => <NotFound />} />
    </Switch>
  );
}
