import { findPlaceholders } from "../messages/renderTemplate";
import { CHANNEL_LIMITS, codePoints } from "../generation/channelLimits";
import { findSpamPhrases } from "./findSpamPhrases";
import type { EmailStatus, ReadinessChannel, ReadinessFinding } from "./readinessTypes";

export type LeadReadinessInput = {
  leadId: string;
  email: string | null;
  emailStatus: EmailStatus;
  /** The lead has a LinkedIn profile and the sequence LinkedIn steps: without email, it still gets those. */
  hasLinkedIn?: boolean;
  /**
   * Every email step of the sequence. Defaults to those among `messages`; pass it when `messages`
   * holds only the steps that will run for this lead (no email steps for a lead without email).
   */
  emailStepIndexes?: number[];
  blocked: { blocked: boolean; reason?: string };
  /** The lead's messages as they would go out (merge variables already filled). */
  messages: {
    stepIndex: number;
    channel: ReadinessChannel;
    subject: string;
    body: string;
    /** Merge variables the render could not fill (the text then holds the template as written). */
    missingVariables?: string[];
    /** The step's text is still the placeholder a new sequence starts with (see isPlaceholderBody). */
    placeholder?: boolean;
  }[];
  /**
   * Whether the workspace has a LinkedIn account connected. Without one, LinkedIn steps only land in
   * the sandbox mailbox: a lead they would reach is held, unless the whole sequence is a rehearsal
   * (`rehearsal`: its emails go to the sandbox too), where it is a warning. Undefined: not checked.
   */
  linkedinConnected?: boolean;
  rehearsal?: boolean;
  /** The first LinkedIn step that will run for this lead, when `messages` may not hold it yet (not written). */
  linkedinStepIndex?: number;
};

const quoteList = (items: string[]) => items.map((i) => `"${i}"`).join(", ");
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Everything that would stop or weaken this lead's messages, checked before launch rather than
 * discovered at send time. Step numbers in messages are the sequence's own (1-based) indexes.
 */
export function leadReadiness(input: LeadReadinessInput): ReadinessFinding[] {
  const { leadId } = input;
  const findings: ReadinessFinding[] = [];
  const add = (f: Omit<ReadinessFinding, "leadId">) => findings.push({ ...f, leadId });
  const messages = [...input.messages].sort((a, b) => a.stepIndex - b.stepIndex);
  const emailSteps = (
    input.emailStepIndexes ?? messages.filter((m) => m.channel === "email").map((m) => m.stepIndex)
  ).sort((a, b) => a - b);
  const email = input.email?.trim() ?? "";

  if (input.blocked.blocked) {
    const why = input.blocked.reason?.trim();
    add({
      code: "blocklisted",
      severity: "blocking",
      message: `This lead is on the blocklist${why ? ` (${why})` : ""}, so nothing will be sent to them. Remove them from the sequence, or remove the blocklist entry if it is wrong.`,
    });
  }

  const firstEmail = emailSteps[0];
  const hasFirstEmail = firstEmail !== undefined;
  if (hasFirstEmail && !email && input.hasLinkedIn) {
    add({
      code: "no_email_for_email_step",
      severity: "warning",
      stepIndex: firstEmail,
      message: `This lead has no email address: the email ${plural(emailSteps.length, "step", "steps")} will be skipped and only the LinkedIn steps will run. Add their email address to reach them by email too.`,
    });
  } else if (hasFirstEmail && !email) {
    add({
      code: "no_email_for_email_step",
      severity: "blocking",
      stepIndex: firstEmail,
      message: `This lead has no email address, but step ${firstEmail} is an email. Add their email address or remove the email ${plural(emailSteps.length, "step", "steps")} for this lead.`,
    });
  } else if (hasFirstEmail) {
    const status = input.emailStatus;
    if (status === "invalid") {
      add({
        code: "email_not_verified",
        severity: "blocking",
        message: `The email address ${email} failed verification and would bounce. Find a working address for this lead or remove them from the sequence.`,
      });
    } else if (status === "risky" || status === "catch_all") {
      const what =
        status === "risky" ? "is marked risky" : "is on a catch-all domain, so it cannot be confirmed";
      add({
        code: "email_not_verified",
        severity: "warning",
        message: `The email address ${email} ${what}; a bounce would hurt your sender reputation. Re-verify it or send to this lead with care.`,
      });
    } else if (status !== "valid") {
      add({
        code: "email_not_verified",
        severity: "warning",
        message: `The email address ${email} has not been verified. Verify it before launch to avoid bounces.`,
      });
    }
  }

  const linkedinStep =
    input.linkedinStepIndex !== undefined
      ? { stepIndex: input.linkedinStepIndex }
      : messages.find((m) => m.channel !== "email");
  if (input.linkedinConnected === false && linkedinStep)
    add(
      input.rehearsal
        ? {
            code: "no_linkedin_account",
            severity: "warning",
            stepIndex: linkedinStep.stepIndex,
            message: `No LinkedIn account is connected: step ${linkedinStep.stepIndex} and the other LinkedIn steps go to the sandbox mailbox only, like this sequence's emails, and nobody on LinkedIn receives them.`,
          }
        : {
            code: "no_linkedin_account",
            severity: "blocking",
            stepIndex: linkedinStep.stepIndex,
            message: `Step ${linkedinStep.stepIndex} is a LinkedIn step, but no LinkedIn account is connected, so it cannot be sent. Connect one (Settings → Integrations), remove the LinkedIn steps, or skip this lead at launch.`,
          },
    );

  for (const m of messages) {
    const stepIndex = m.stepIndex;
    const step = `Step ${stepIndex}`;
    const text = `${m.subject}\n${m.body}`;

    if (m.placeholder)
      add({
        code: "template_placeholder",
        severity: "blocking",
        stepIndex,
        message: `${step} still has the placeholder text a new sequence starts with ("${m.body.replace(/\s+/g, " ").trim()}"). Write the message on the sequence's Steps, or choose "A personalised message per lead" in the Messaging Lab.`,
      });

    const missing = m.missingVariables?.length ? m.missingVariables : findPlaceholders(text);
    if (missing.length) {
      add({
        code: "unfilled_merge_variable",
        severity: "blocking",
        stepIndex,
        message: `${step} still contains the merge ${plural(missing.length, "variable", "variables")} ${quoteList(missing.map((v) => `{{${v}}}`))}. Fill in ${plural(missing.length, "this field", "these fields")} for the lead or add a fallback such as {{${missing[0]}|…}}.`,
      });
    } else if (/\{\{|\}\}/.test(text)) {
      add({
        code: "unfilled_merge_variable",
        severity: "blocking",
        stepIndex,
        message: `${step} contains a broken merge field (unmatched "{{" or "}}"). Fix the template so every variable reads like {{first_name}}.`,
      });
    }

    if (!m.body.trim()) {
      add({
        code: "empty_body",
        severity: "blocking",
        stepIndex,
        message: `${step} has no message text. Write the message or remove the step.`,
      });
    }

    if (m.channel === "linkedin_invite") {
      const length = codePoints(m.body);
      if (length > CHANNEL_LIMITS.linkedin_invite.body) {
        add({
          code: "note_too_long",
          severity: "blocking",
          stepIndex,
          message: `${step} is a LinkedIn invitation note of ${length} characters; LinkedIn allows ${CHANNEL_LIMITS.linkedin_invite.body}. Shorten it by ${length - CHANNEL_LIMITS.linkedin_invite.body} characters.`,
        });
      }
    }

    // Later emails reply in the first one's thread ("Re: …"), so only the first needs its own subject.
    if (m.channel === "email" && m.stepIndex === firstEmail && !m.subject.trim()) {
      add({
        code: "subject_missing",
        severity: "blocking",
        stepIndex,
        message: `${step} is the first email but has no subject line. Add a short subject.`,
      });
    }

    const spam = findSpamPhrases(m.channel === "email" ? text : m.body);
    if (spam.length) {
      add({
        code: "spam_phrase",
        severity: "warning",
        stepIndex,
        message: `${step} uses ${plural(spam.length, "a phrase", "phrases")} that spam filters and readers distrust: ${quoteList(spam)}. Rephrase ${plural(spam.length, "it", "them")} in plain words.`,
      });
    }
  }
  return findings;
}
