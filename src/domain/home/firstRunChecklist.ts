/** The first-run checklist: the four steps from an empty workspace to a sequence that sends. */
export type ChecklistFacts = { hasSender: boolean; hasLeads: boolean; hasRun: boolean; hasLaunched: boolean };
export type ChecklistItem = { key: keyof ChecklistFacts; label: string; href: string; done: boolean };

const steps: Omit<ChecklistItem, "done">[] = [
  {
    key: "hasSender",
    label: "Add a sender (a Sandbox sender keeps everything on this machine)",
    href: "/settings?tab=senders",
  },
  { key: "hasLeads", label: "Import or add leads", href: "/lists" },
  { key: "hasRun", label: "Start a run from a play", href: "/plays" },
  { key: "hasLaunched", label: "Create a sequence and launch it", href: "/runs" },
];

/**
 * Ticks itself off from what the workspace holds, never from clicks; it is shown until every step
 * is done, then steps aside for good (a workspace that launched once is past its first run).
 */
export function firstRunChecklist(f: ChecklistFacts): { items: ChecklistItem[]; complete: boolean } {
  const items = steps.map((s) => ({ ...s, done: f[s.key] }));
  return { items, complete: f.hasLaunched || items.every((i) => i.done) };
}
