import type { WriterChannel } from "../compose";
import { findPlaceholders } from "../messages/renderTemplate";
import { CHANNEL_LIMITS, codePoints } from "./channelLimits";

/**
 * Why a generated message may not become a draft. Empty when it may. These are the rules every
 * generator obeys (LLM or built-in): no {{placeholder}} ever leaves generation, channel limits hold,
 * and a first email has a subject.
 */
export function checkGeneratedMessage(
  m: { subject: string; body: string },
  channel: WriterChannel,
  /** The message's place on its channel (1 = the first email, whatever its step number). */
  touch: number,
): string[] {
  const problems: string[] = [];
  const limit = CHANNEL_LIMITS[channel];
  const text = `${m.subject}\n${m.body}`;
  const holes = findPlaceholders(text);
  if (holes.length)
    problems.push(`it contains unfilled placeholders: ${holes.map((h) => `{{${h}}}`).join(", ")}`);
  else if (/\{\{|\}\}|\[(first name|company|name|your name)\]/i.test(text))
    problems.push("it contains a placeholder-like bracket ({{, }} or [First Name])");
  if (!m.body.trim()) problems.push("the body is empty");
  if (codePoints(m.body) > limit.body)
    problems.push(`the body has ${codePoints(m.body)} characters; the limit is ${limit.body}`);
  if (channel === "email") {
    if (touch <= 1 && !m.subject.trim()) problems.push("the first email has no subject");
    if (codePoints(m.subject) > limit.subject)
      problems.push(`the subject has ${codePoints(m.subject)} characters; the limit is ${limit.subject}`);
  }
  return problems;
}
