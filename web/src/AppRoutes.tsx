import { type ComponentType, lazy, Suspense } from "react";
import { Route, Switch, useParams } from "wouter";
import { isId, NotFound } from "./components/NotFound";
import { HomePage } from "./pages/home/HomePage";

// Every page but Home is its own chunk, loaded when first visited: the first load carries only
// the shell and the home page.
const AnalyticsPage = lazy(() =>
  import("./pages/analytics/AnalyticsPage").then((m) => ({ default: m.AnalyticsPage })),
);
const AuditReport = lazy(() =>
  import("./pages/audits/AuditReport").then((m) => ({ default: m.AuditReport })),
);
const DiscoverPage = lazy(() =>
  import("./pages/discovery/DiscoverPage").then((m) => ({ default: m.DiscoverPage })),
);
const EmailsPage = lazy(() => import("./pages/emails/EmailsPage").then((m) => ({ default: m.EmailsPage })));
const InboxPage = lazy(() => import("./pages/inbox/InboxPage").then((m) => ({ default: m.InboxPage })));
const LabIndex = lazy(() => import("./pages/lab/LabIndex").then((m) => ({ default: m.LabIndex })));
const MessagingLab = lazy(() =>
  import("./pages/lab/MessagingLab").then((m) => ({ default: m.MessagingLab })),
);
const LeadDetail = lazy(() => import("./pages/leads/LeadDetail").then((m) => ({ default: m.LeadDetail })));
const LeadsPage = lazy(() => import("./pages/leads/LeadsPage").then((m) => ({ default: m.LeadsPage })));
const ListsPage = lazy(() => import("./pages/lists/ListsPage").then((m) => ({ default: m.ListsPage })));
const PlaysPage = lazy(() => import("./pages/outreach/PlaysPage").then((m) => ({ default: m.PlaysPage })));
const RunDetail = lazy(() => import("./pages/outreach/RunDetail").then((m) => ({ default: m.RunDetail })));
const RunsPage = lazy(() => import("./pages/outreach/RunsPage").then((m) => ({ default: m.RunsPage })));
const SequenceDetail = lazy(() =>
  import("./pages/outreach/SequenceDetail").then((m) => ({ default: m.SequenceDetail })),
);
const SequencesPage = lazy(() =>
  import("./pages/outreach/SequencesPage").then((m) => ({ default: m.SequencesPage })),
);
const PipelinePage = lazy(() =>
  import("./pages/pipeline/PipelinePage").then((m) => ({ default: m.PipelinePage })),
);
const SettingsPage = lazy(() => import("./pages/SettingsPage").then((m) => ({ default: m.SettingsPage })));

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
  ["/settings", SettingsPage],
];

export function AppRoutes() {
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <Switch>
        {routes.map(([path, Page]) => (
          <Route key={path} path={path} component={Page} />
        ))}
        <Route component={() => <NotFound />} />
      </Switch>
    </Suspense>
  );
}
