import type { DeliverabilitySettings } from "./deliverabilitySettings";

export type SenderHealthCounts = {
  /** Sends counted: the sender's most recent ones, at most the settings' window. */
  sends: number;
  /** Permanent address failures and policy/reputation refusals among them. */
  bounces: number;
  complaints: number;
};

export type SenderHealth = SenderHealthCounts & {
  bounceRate: number;
  complaintRate: number;
  /** ok, or a reason to pause the sender (in words a person understands). */
  verdict: { pause: false } | { pause: true; reason: string };
};

const pct = (r: number) => `${(r * 100).toFixed(r < 0.01 ? 2 : 1)}%`;

/**
 * Whether a sender's recent bounces or complaints put its reputation at risk. Temporary failures
 * do not count (the address and the sender are fine); policy refusals do, since receiving servers
 * refuse on the sender's reputation. Too few sends say nothing.
 */
export function senderHealth(c: SenderHealthCounts, s: DeliverabilitySettings): SenderHealth {
  const bounceRate = c.sends ? c.bounces / c.sends : 0;
  const complaintRate = c.sends ? c.complaints / c.sends : 0;
  const base = { ...c, bounceRate, complaintRate };
  if (c.sends < s.healthMinSends) return { ...base, verdict: { pause: false } };
  if (complaintRate > s.complaintPauseRate)
    return {
      ...base,
      verdict: {
        pause: true,
        reason: `spam complaints reached ${pct(complaintRate)} of the last ${c.sends} sends (the limit is ${pct(s.complaintPauseRate)})`,
      },
    };
  if (bounceRate > s.bouncePauseRate)
    return {
      ...base,
      verdict: {
        pause: true,
        reason: `bounces reached ${pct(bounceRate)} of the last ${c.sends} sends (the limit is ${pct(s.bouncePauseRate)})`,
      },
    };
  return { ...base, verdict: { pause: false } };
}
