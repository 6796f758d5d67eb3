/** The product's navigation, in the sidebar's order. */
export type Section = { path: string; label: string; group: "Outreach" | "Workspace" };

export const sections: Section[] = [
  { path: "/", label: "Home", group: "Outreach" },
  { path: "/plays", label: "Plays", group: "Outreach" },
  { path: "/runs", label: "Runs", group: "Outreach" },
  { path: "/leads", label: "Leads", group: "Outreach" },
  { path: "/discover", label: "Discover", group: "Outreach" },
  { path: "/lists", label: "Lists", group: "Outreach" },
  { path: "/sequences", label: "Sequences", group: "Outreach" },
  { path: "/lab", label: "Messaging Lab", group: "Outreach" },
  { path: "/emails", label: "Emails", group: "Outreach" },
  { path: "/inbox", label: "Inbox", group: "Outreach" },
  { path: "/pipeline", label: "Pipeline", group: "Outreach" },
  { path: "/analytics", label: "Analytics", group: "Outreach" },
  { path: "/settings", label: "Settings", group: "Workspace" },
];

/** Which sidebar entry a path belongs to (an audit report sits with the leads, a Lab with the Lab). */
export function sectionOf(path: string): Section | undefined {
  if (path === "/") return sections[0];
  const p = path.startsWith("/audits/") ? "/leads" : /^\/sequences\/[^/]+\/lab$/.test(path) ? "/lab" : path;
  return sections.find((s) => s.path !== "/" && (p === s.path || p.startsWith(`${s.path}/`)));
}
