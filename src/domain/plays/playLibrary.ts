import type { SequenceStep } from "../sequence/sequenceEngine";

export type Play = {
  key: string;
  name: string;
  goal: string;
  category: "new_business" | "expansion" | "re_engagement" | "events" | "pipeline";
  relationship: "cold" | "warm" | "stalled" | "known";
  channels: ("email" | "linkedin")[];
  steps: Omit<SequenceStep, "index">[];
  enrichment: string[];
  readinessChecks: string[];
};

const s = (
  channel: SequenceStep["channel"],
  delayDays: number,
  condition: SequenceStep["condition"] = "no_reply",
) => ({ channel, delayDays, condition });

/** The built-in motions every workspace starts with (keys are stable: runs refer to them). */
export const playLibrary: Play[] = [
  {
    key: "builtin:cold-persona",
    name: "Cold outbound to a persona",
    goal: "Book first meetings with a defined buyer persona who does not know you yet.",
    category: "new_business",
    relationship: "cold",
    channels: ["email", "linkedin"],
    steps: [s("email", 0, "always"), s("linkedin_invite", 2), s("email", 3), s("email", 5)],
    enrichment: ["profile", "email", "company website"],
    readinessChecks: [
      "verified email for email steps",
      "personalisation hook found",
      "no empty merge fields",
    ],
  },
  {
    key: "builtin:linkedin-first",
    name: "LinkedIn-first",
    goal: "Warm up with a connection request before the first email lands.",
    category: "new_business",
    relationship: "cold",
    channels: ["linkedin", "email"],
    steps: [s("linkedin_invite", 0, "always"), s("email", 3), s("email", 5), s("email", 7)],
    enrichment: ["profile", "recent posts", "email"],
    readinessChecks: ["LinkedIn URL present", "invite note under 300 characters"],
  },
  {
    key: "builtin:email-only",
    name: "Email-only sequence",
    goal: "A short, respectful email sequence for leads without a LinkedIn presence.",
    category: "new_business",
    relationship: "cold",
    channels: ["email"],
    steps: [s("email", 0, "always"), s("email", 3), s("email", 4), s("email", 7)],
    enrichment: ["email", "company website"],
    readinessChecks: ["verified email", "unsubscribe link", "no spam-trigger phrases"],
  },
  {
    key: "builtin:warm-reengagement",
    name: "Warm re-engagement",
    goal: "Restart conversations with people who engaged before but went quiet.",
    category: "re_engagement",
    relationship: "warm",
    channels: ["email", "linkedin"],
    steps: [s("email", 0, "always"), s("linkedin_message", 4), s("email", 6)],
    enrichment: ["recent posts", "role changes"],
    readinessChecks: ["reference to the earlier conversation"],
  },
  {
    key: "builtin:event-follow-up",
    name: "Event follow-up",
    goal: "Follow up with people met or registered at an event while it is fresh.",
    category: "events",
    relationship: "known",
    channels: ["email", "linkedin"],
    steps: [s("email", 0, "always"), s("linkedin_invite", 1), s("email", 4)],
    enrichment: ["profile"],
    readinessChecks: ["event name filled", "sent within a week of the event"],
  },
  {
    key: "builtin:stalled-deal",
    name: "Stalled-deal revival",
    goal: "Revive opportunities that stalled, with a new angle and a low-effort next step.",
    category: "pipeline",
    relationship: "stalled",
    channels: ["email", "linkedin"],
    steps: [s("email", 0, "always"), s("email", 5), s("linkedin_message", 7), s("email", 10)],
    enrichment: ["company signals", "role changes"],
    readinessChecks: ["deal context in custom fields"],
  },
  {
    key: "builtin:champion-moved",
    name: "Champion changed jobs",
    goal: "Reach former champions in their new company.",
    category: "expansion",
    relationship: "known",
    channels: ["linkedin", "email"],
    steps: [s("linkedin_message", 0, "always"), s("email", 3), s("email", 6)],
    enrichment: ["profile", "role changes", "email"],
    readinessChecks: ["new company confirmed"],
  },
];

export const findPlay = (key: string) => playLibrary.find((p) => p.key === key) ?? null;

export function filterPlays(
  plays: Play[],
  f: { category?: string; relationship?: string; channel?: string; q?: string },
) {
  const q = f.q?.trim().toLowerCase();
  return plays.filter(
    (p) =>
      (!f.category || p.category === f.category) &&
      (!f.relationship || p.relationship === f.relationship) &&
      (!f.channel || p.channels.includes(f.channel as "email")) &&
      (!q || `${p.name} ${p.goal}`.toLowerCase().includes(q)),
  );
}
