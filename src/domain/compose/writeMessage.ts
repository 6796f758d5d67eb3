import { askSentence, offerSentence, proofSentence } from "./profilePhrases";

/**
 * The built-in writer: used when no LLM is configured, and as the deterministic baseline in tests.
 * It writes from real facts only (a recent post, a career move, a company signal, an audit finding),
 * picks phrasings by a stable hash so two leads rarely get the same email while the same lead always
 * gets the same one, and never leaves a hole: a missing fact drops its sentence, not a word.
 */

export type WriterLead = {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  companyDomain?: string | null;
  jobTitle?: string | null;
  industry?: string | null;
  recentPosts?: { text: string; date?: string | null; url?: string | null }[];
  experience?: { title: string; company: string; start?: string | null; end?: string | null }[];
  companySignals?: { kind: string; text: string; url?: string | null; date?: string | null }[];
  audit?: { grade: string; topIssue: string | null; url?: string | null } | null;
};

export type WriterProfile = {
  senderName: string;
  senderCompany: string;
  offer: string;
  proof: string;
  tone: string;
  callToAction: string;
};

export type Hook = {
  kind: "recent_post" | "career_move" | "company_signal" | "audit_finding" | "role" | "none";
  text: string;
  source: string | null;
};

export type WriterChannel = "email" | "linkedin_invite" | "linkedin_message";
export type WrittenMessage = { subject: string; body: string; hook: Hook; channel: WriterChannel };

const DAY = 86_400_000;
const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
const within = (date: string | null | undefined, now: Date, days: number) => {
  const t = date ? Date.parse(date) : Number.NaN;
  return Number.isFinite(t) && now.getTime() - t <= days * DAY && t <= now.getTime() + DAY;
};

/** FNV-1a: a small stable hash, so choices vary by lead but never between runs. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const choose = <T>(options: T[], key: string): T => options[hash(key) % options.length]!;

/** Cuts at a sentence or word end, never mid-word, counting characters as people see them. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const sentence = cut.lastIndexOf(". ");
  if (sentence > max * 0.5) return cut.slice(0, sentence + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, "")}…`;
}

/** The best real reason to write: fresher and more personal first. */
export function pickHook(lead: WriterLead, now: Date): Hook {
  const post = (lead.recentPosts ?? []).find((p) => clean(p.text) && within(p.date, now, 90));
  if (post)
    return { kind: "recent_post", text: clip(clean(post.text), 90), source: post.url ?? "recentPosts" };
  const move = (lead.experience ?? []).find((e) => !e.end && within(e.start, now, 183));
  if (move)
    return {
      kind: "career_move",
      text: `${clean(move.title)} at ${clean(move.company)}`,
      source: "experience",
    };
  const signal = (lead.companySignals ?? []).find((s) => clean(s.text));
  if (signal) return { kind: "company_signal", text: clean(signal.text), source: signal.url ?? signal.kind };
  if (lead.audit?.topIssue)
    return { kind: "audit_finding", text: lead.audit.topIssue, source: lead.audit.url ?? "audit" };
  if (clean(lead.jobTitle) && clean(lead.company))
    return { kind: "role", text: `${clean(lead.jobTitle)} at ${clean(lead.company)}`, source: "jobTitle" };
  return { kind: "none", text: "", source: null };
}

function opener(hook: Hook, company: string, key: string): string {
  const c = company || "your team";
  switch (hook.kind) {
    case "recent_post":
      return choose(
        [
          `Your recent post ("${hook.text}") stuck with me.`,
          `I read your post about "${hook.text}" and wanted to follow up.`,
        ],
        key,
      );
    case "career_move":
      return choose(
        [
          `Congratulations on the new role as ${hook.text}.`,
          `I saw you recently started as ${hook.text}; congratulations.`,
        ],
        key,
      );
    case "company_signal":
      return choose(
        [
          `I noticed ${possessive(c)} news: ${hook.text.replace(/\.$/, "")}.`,
          `${hook.text.replace(/\.$/, "")}: that caught my eye.`,
        ],
        key,
      );
    case "audit_finding":
      return choose(
        [
          `I looked at ${possessive(c)} website and one thing stood out: ${lowerFirst(hook.text)}.`,
          `A quick check of ${possessive(c)} site turned up something worth fixing: ${lowerFirst(hook.text)}.`,
        ],
        key,
      );
    case "role":
      return choose(
        [
          `I work with people in roles like yours (${hook.text}).`,
          `Reaching out because of your work as ${hook.text}.`,
        ],
        key,
      );
    default:
      return choose([`I'm reaching out to ${c} with a short note.`, `A quick note for ${c}.`], key);
  }
}
/** "Acme's", but "Acme Rockets'" (a name ending in s takes the apostrophe alone). */
const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);
const lowerFirst = (s: string) => s.replace(/\.$/, "").replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());

export function writeMessage(input: {
  lead: WriterLead;
  profile: WriterProfile;
  channel: WriterChannel;
  stepNumber: number;
  /** This message's place on its channel (see channelTouch); the step number when not given. */
  touch?: number;
  /** The subject set on the step, merge variables filled: it wins over the writer's own. */
  stepSubject?: string;
  now: Date;
  seed?: string;
}): WrittenMessage {
  const { lead, profile, channel } = input;
  const touch = input.touch ?? input.stepNumber;
  const first = clean(lead.firstName).split(" ")[0] ?? "";
  const company = clean(lead.company) || clean(lead.companyDomain);
  const key = `${input.seed ?? ""}|${clean(lead.firstName)}|${clean(lead.lastName)}|${company}|${input.stepNumber}|${channel}`;
  const hook = pickHook(lead, input.now);
  const formal = profile.tone === "formal";
  const direct = profile.tone === "direct";
  const greeting = first
    ? formal
      ? `Dear ${first},`
      : direct
        ? `${first},`
        : `${choose(["Hi", "Hello", "Hey"], key)} ${first},`
    : formal
      ? "Hello,"
      : "Hi there,";
  const senderCompany = clean(profile.senderCompany);
  const offer = (personal: boolean) => offerSentence(profile.offer, { company: senderCompany, personal });
  const proof = proofSentence(
    profile.proof,
    choose(["For context:", "One example:", "What that looks like:"], `${key}|p`),
  );
  const sender = clean(profile.senderName);
  // A sign-off word needs a name under it: "Best," on the last line alone reads as a slip.
  const signoff = !sender
    ? ""
    : formal
      ? "Kind regards,"
      : direct
        ? ""
        : choose(["Best,", "Cheers,", "Thanks,"], `${key}|s`);
  const ask =
    askSentence(profile.callToAction) ||
    choose(
      ["Would a short call next week be useful?", "Worth a quick chat?", "Open to a 15-minute call?"],
      `${key}|a`,
    );

  if (channel === "linkedin_invite") {
    const parts = [opener(hook, company, key), offer(true), "Happy to connect."];
    // The greeting on its own line, as in an email: "Hi Ada, A quick note" would read wrong.
    return {
      subject: "",
      body: clip(`${greeting}\n${parts.filter(Boolean).join(" ")}`, 300),
      hook,
      channel,
    };
  }
  const what = channel === "email" ? "email" : "message";
  const afterInvite = channel === "linkedin_message" && touch === 2;
  const body =
    touch <= 1 || afterInvite
      ? [
          greeting,
          "",
          [afterInvite ? "Thanks for connecting." : opener(hook, company, key), offer(channel !== "email")]
            .filter(Boolean)
            .join(" "),
          proof,
          "",
          ask,
        ]
      : [
          greeting,
          "",
          choose(
            [
              `Following up on my ${what} from last week, in case it got buried.`,
              `Bringing my earlier ${what} back to the top of your inbox.`,
              `A short follow-up to my last ${what}.`,
            ],
            key,
          ),
          touch >= 3 ? "If the timing is wrong, just say so and I will not write again." : ask,
        ];
  const text = [...body, ...(signoff || sender ? ["", [signoff, sender].filter(Boolean).join("\n")] : [])]
    .filter((l, i, all) => !(l === "" && all[i - 1] === ""))
    .join("\n")
    .trim();
  const own =
    touch > 1
      ? ""
      : hook.kind === "audit_finding"
        ? choose(
            [`A quick note on ${company || "your site"}`, `${company || "Your site"}: one thing to fix`],
            `${key}|t`,
          )
        : choose(
            [
              `Idea for ${company || first || "you"}`,
              `${first ? `${first}, quick question` : "Quick question"}`,
            ],
            `${key}|t`,
          );
  const set = clean(input.stepSubject);
  const subject = channel === "email" ? (set && [...set].length <= 80 ? set : clip(own, 80)) : "";
  return { subject, body: channel === "linkedin_message" ? clip(text, 1900) : text, hook, channel };
}
