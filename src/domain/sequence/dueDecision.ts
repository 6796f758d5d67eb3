import { type Blocklist, isBlocked } from "../blocking/isBlocked";
import { countSend, type LimitCounts, sendLimitReason, type SendLimits } from "../deliverability/sendLimits";
import { leadMergeVars, renderTemplate } from "../messages/renderTemplate";
import { describeSpintaxProblem, spinKey } from "../messages/spintax";
import { nextSendSlot, senderCapToday } from "../schedule/senderPacing";
import { nextWindowStart, type WindowCache } from "../schedule/sendingWindow";
import { nextStep, type SequenceStep } from "./sequenceEngine";
import { assignVariant, type StepVariant, variantText } from "./stepVariants";

export type DueLead = Parameters<typeof leadMergeVars>[0] & {
  id: string;
  status: string;
  email: string | null;
  linkedinUrl: string | null;
  companyDomain: string | null;
};
export type DueStep = {
  idx: number;
  channel: SequenceStep["channel"];
  delayDays: number;
  condition: SequenceStep["condition"];
  subject: string;
  body: string;
  variants?: StepVariant[];
  winner?: string | null;
};
export type DueSender = {
  id: string;
  fromName: string;
  dailyCap: number;
  minGapSeconds: number;
  jitterSeconds: number;
  rampStartCap: number | null;
  rampPerDay: number | null;
  createdAtMs: number;
  paused: boolean;
};
/** What the LinkedIn gate answers for a step (budgets, working hours, acceptance wait). */
export type LinkedInAnswer<A> =
  | { kind: "sandbox" }
  | { kind: "go"; account: A; noteDropped: boolean }
  | { kind: "defer"; at: Date; reason: string }
  | { kind: "end"; reason: string };
export type EndState = "replied" | "unsubscribed" | "blocked" | "completed" | "paused";

/**
 * What the batch has used so far, shared by every decision of one claim: each sender's last send
 * and 24 h count, and each workspace's monthly email allowance. Decisions update it in place, so
 * the batch's leads line up one gap apart and never overrun a cap.
 */
export type BatchLedger = {
  lastSentMs: Map<string, number | null>;
  sentToday: Map<string, number>;
  emailsLeft: Map<string, { left: number; message: string }>;
  /** Emails in the last 24 h per workspace and per recipient domain (the workspace's volume guards). */
  limitCounts: LimitCounts;
};

export type DueInput<A> = {
  nowMs: number;
  workspaceId: string;
  zone: string;
  lastStepIndex: number | null;
  lead: DueLead;
  steps: DueStep[];
  suppressed: boolean;
  colleagueReplied: boolean;
  blocklist: Blocklist;
  /** Personalised sequences: the approved message for a step, undefined when there is none. Template sequences: null. */
  draft: (stepIdx: number) => { subject: string; body: string } | null | undefined;
  sender: DueSender | undefined;
  /** The LinkedIn gate for this batch, or null when no LinkedIn step is due in it. */
  linkedin:
    ((channel: "linkedin_invite" | "linkedin_message", wantsNote: boolean) => LinkedInAnswer<A>) | null;
  profile: { senderName: string; senderCompany: string } | undefined;
  /** Earlier email steps sent in this enrollment, the latest first (threading). */
  previous: { subject: string; messageId: string }[];
  cache: WindowCache;
  ledger: BatchLedger;
  /** The workspace's per-domain and daily volume guards. */
  limits: SendLimits;
  random: () => number;
};

export type DueDecision<A> =
  | { kind: "end"; state: EndState; reason: string }
  | { kind: "defer"; at: Date; reason?: string }
  /** The sender is paused: nothing changes, the step stays due until it is resumed. */
  | { kind: "wait" }
  /** The step cannot be rendered: a failed row is kept for it and the enrollment paused. */
  | { kind: "fail"; step: DueStep; error: string; reason: string }
  | {
      kind: "send";
      step: DueStep;
      subject: string;
      body: string;
      /** The A/B variant this lead got for the step, null when the step has none. */
      variant: string | null;
      inReplyTo: string | null;
      references: string[];
      linkedin: A | null;
      noteDropped: boolean;
    };

const HOUR = 3_600_000;

/**
 * What to do with one due enrollment, in the claiming transaction, from facts read for the whole
 * batch: stop it (reply, unsubscribe, colleague reply, blocklist, nothing left that reaches the
 * lead, allowance used, no approved message, no sender), let it wait (LinkedIn budgets, sender gap
 * or cap, paused sender), or send its next step rendered (refusing an empty merge field).
 */
export function decideDue<A>(i: DueInput<A>): DueDecision<A> {
  const { lead } = i;
  const end = (state: EndState, reason: string) => ({ kind: "end" as const, state, reason });
  if (lead.status === "replied" || lead.status === "converted") return end("replied", "the lead replied");
  if (lead.status === "unsubscribed") return end("unsubscribed", "the lead unsubscribed");
  if (i.colleagueReplied) return end("replied", "a colleague at the same company replied");
  const block = isBlocked(lead, i.blocklist);
  if (block.blocked) return end("blocked", block.reason);
  const reach = {
    hasUsableEmail: !!lead.email && lead.status !== "bounced" && !i.suppressed,
    hasLinkedIn: !!lead.linkedinUrl,
  };
  // The lead may have changed since enrollment (email removed, bounced): re-resolve the step.
  const next = nextStep(
    i.steps.map((s) => ({
      index: s.idx,
      channel: s.channel,
      delayDays: s.delayDays,
      condition: s.condition,
    })),
    i.lastStepIndex,
    reach,
    false,
  );
  if (next.done)
    return i.suppressed
      ? end("unsubscribed", "the address is suppressed")
      : end("completed", "no further step can reach this lead");
  const step = i.steps.find((s) => s.idx === next.step.index)!;
  // The lead's variant (the same every time: previews equal sends); an approved per-lead message was
  // written from that variant's text in the Lab, so it is sent as approved.
  const variant = assignVariant(step.variants ?? [], lead.id, step.idx, step.winner ?? null);
  const text = variantText(step, variant);
  // The instant was planned in the calendar of its day; the calendar may have changed since (days,
  // hours, holidays turned on): a step due outside it waits for its next opening.
  const open = nextWindowStart(i.nowMs, i.zone, i.cache);
  if (open > i.nowMs) return { kind: "defer", at: new Date(open), reason: "outside the sending calendar" };
  const email = step.channel === "email";
  const quota = email ? i.ledger.emailsLeft.get(i.workspaceId) : undefined;
  if (quota && quota.left <= 0) return end("paused", quota.message);
  if (quota) quota.left--;
  const draft = i.draft(step.idx);
  if (draft === undefined)
    return end(
      "paused",
      `step ${step.idx} has no approved message for this lead; approve it in the Messaging Lab and resume`,
    );

  let linkedin: A | null = null;
  let noteDropped = false;
  if (!email && i.linkedin) {
    const g = i.linkedin(step.channel as "linkedin_invite", (draft?.body ?? text.body).trim() !== "");
    if (g.kind === "end") return end("completed", g.reason);
    if (g.kind === "defer") return { kind: "defer", at: g.at, reason: g.reason };
    if (g.kind === "go") {
      linkedin = g.account;
      noteDropped = g.noteDropped;
    }
  }

  const sender = email ? i.sender : undefined;
  if (email) {
    if (!sender) return end("paused", "the sequence has no sender account");
    if (sender.paused) return { kind: "wait" };
    const limited = sendLimitReason(i.limits, i.ledger.limitCounts, i.workspaceId, lead.email);
    if (limited)
      return {
        kind: "defer",
        at: new Date(nextWindowStart(i.nowMs + HOUR, i.zone, i.cache)),
        reason: limited,
      };
    const paced = pace(i, sender);
    if (paced) return paced;
    countSend(i.ledger.limitCounts, i.workspaceId, lead.email);
  }

  const vars = {
    ...leadMergeVars(lead),
    sender_name: i.profile?.senderName ?? sender?.fromName ?? "",
    sender_company: i.profile?.senderCompany ?? "",
  };
  const thread = email && i.previous.length > 0;
  const subjectTemplate = thread
    ? `Re: ${i.previous[i.previous.length - 1]!.subject.replace(/^(re:\s*)+/i, "")}`
    : (draft?.subject ?? text.subject);
  // Spintax is a template's: an approved per-lead message goes as a person read it, and a follow-up's
  // "Re: …" repeats the subject as sent.
  const spin = (part: "subject" | "body") => (draft ? undefined : spinKey(lead.id, step.idx, part));
  const subject = email
    ? renderTemplate(subjectTemplate || "{{first_name|Hello}}", vars, thread ? undefined : spin("subject"))
    : { ok: true as const, text: "" };
  const body = noteDropped
    ? { ok: true as const, text: "" }
    : renderTemplate(draft?.body ?? text.body, vars, spin("body"));
  if (step.channel === "linkedin_invite" && body.ok && body.text.length > 300) {
    const error = `the invitation note is ${body.text.length} characters; LinkedIn allows 300`;
    return { kind: "fail", step, error, reason: `step ${step.idx}: ${error}; shorten it and resume` };
  }
  const spintax = [subject, body].flatMap((r) => (r.ok ? [] : (r.spintax ?? [])));
  if (spintax.length) {
    const error = `broken spintax ${describeSpintaxProblem(spintax[0]!)}`;
    return {
      kind: "fail",
      step,
      error,
      reason: `step ${step.idx} has ${error}; fix the template and resume`,
    };
  }
  if (!subject.ok || !body.ok) {
    const missing = (!subject.ok ? subject : (body as { missing: string[] })).missing.join(", ");
    return {
      kind: "fail",
      step,
      error: `empty merge field: ${missing}`,
      reason: `step ${step.idx} has an empty merge field (${missing}); fix the lead or the template and resume`,
    };
  }
  return {
    kind: "send",
    step,
    subject: subject.text,
    body: body.text,
    variant: variant?.label ?? null,
    inReplyTo: thread ? i.previous[0]!.messageId : null,
    references: thread ? i.previous.map((p) => p.messageId).reverse() : [],
    linkedin,
    noteDropped,
  };
}

/** The sender's caps and gaps: null when it may send now (the send is then counted). */
function pace<A>(i: DueInput<A>, sender: DueSender): DueDecision<A> | null {
  const { ledger, nowMs } = i;
  const cap = senderCapToday(sender, nowMs);
  const slot = nextSendSlot(
    {
      dueMs: nowMs,
      lastSentMs: ledger.lastSentMs.get(sender.id) ?? null,
      sentToday: ledger.sentToday.get(sender.id) ?? 0,
      cap,
      minGapSeconds: sender.minGapSeconds,
      jitterSeconds: sender.jitterSeconds,
    },
    i.random,
  );
  // The cap is used up (rolling 24 h): try again when the lead's window next opens after an hour.
  if (slot === null) return { kind: "defer", at: new Date(nextWindowStart(nowMs + HOUR, i.zone, i.cache)) };
  if (slot > nowMs) {
    // Not this sender's turn yet: take the next free slot, so waiting leads line up one gap apart
    // instead of all waking at once.
    ledger.lastSentMs.set(sender.id, slot);
    return { kind: "defer", at: new Date(slot) };
  }
  ledger.lastSentMs.set(sender.id, nowMs);
  ledger.sentToday.set(sender.id, (ledger.sentToday.get(sender.id) ?? 0) + 1);
  return null;
}
