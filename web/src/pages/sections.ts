/** The product's navigation. `ready: false` sections show an honest empty state until their issue lands. */
export type Section = {
  path: string;
  label: string;
  group: "Outreach" | "Workspace";
  ready: boolean;
  empty?: string;
};

export const sections: Section[] = [
  { path: "/plays", label: "Plays", group: "Outreach", ready: true },
  { path: "/runs", label: "Runs", group: "Outreach", ready: true },
  { path: "/leads", label: "Leads", group: "Outreach", ready: true },
  { path: "/discover", label: "Discover", group: "Outreach", ready: true },
  { path: "/lists", label: "Lists", group: "Outreach", ready: true },
  { path: "/sequences", label: "Sequences", group: "Outreach", ready: true },
  { path: "/lab", label: "Messaging Lab", group: "Outreach", ready: true },
  { path: "/emails", label: "Emails", group: "Outreach", ready: true },
  { path: "/inbox", label: "Inbox", group: "Outreach", ready: true },
  { path: "/pipeline", label: "Pipeline", group: "Outreach", ready: true },
  { path: "/analytics", label: "Analytics", group: "Outreach", ready: true },
  { path: "/settings", label: "Settings", group: "Workspace", ready: true },
];
