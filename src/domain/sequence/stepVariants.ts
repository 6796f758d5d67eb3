import { hash } from "../messages/spintax";

/** One version of a step's text; an empty subject or body keeps the step's own. */
export type StepVariant = { label: string; subject?: string; body?: string; weight: number };
export type VariantStats = { label: string; sent: number; replied: number };
export type Verdict = { winner: string | null; pValue: number | null; reason: string };

export const MIN_SENT_PER_VARIANT = 100;
export const SIGNIFICANCE = 0.05;

/**
 * The variant a lead gets for a step: a hash of lead and step picks a point on the weights, so the
 * same lead always gets the same variant (previews equal sends) and leads spread by weight.
 * A declared winner, once auto-pick is on, goes to every lead that has not had the step yet.
 */
export function assignVariant(
  variants: StepVariant[],
  leadId: string,
  stepIndex: number,
  winner: string | null = null,
): StepVariant | null {
  if (variants.length === 0) return null;
  const won = winner ? variants.find((v) => v.label === winner) : undefined;
  if (won) return won;
  const total = variants.reduce((s, v) => s + v.weight, 0);
  // 2^32 buckets: uniform enough for any weights people type.
  let point = (hash(`${leadId}:${stepIndex}:variant`) / 0x1_0000_0000) * total;
  for (const v of variants) {
    if (point < v.weight) return v;
    point -= v.weight;
  }
  return variants[variants.length - 1]!;
}

/** The standard normal CDF, through erfc (precise enough for p-values shown to three places). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

// erfc with a Chebyshev-fitted continued form (Numerical Recipes erfcc), relative error < 1.2e-7.
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a pooled two-proportion z-test; 1 when neither side replied. */
export function twoProportionPValue(x1: number, n1: number, x2: number, n2: number): number {
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return 1;
  const z = (x1 / n1 - x2 / n2) / se;
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}

const pct = (s: VariantStats) => `${((100 * s.replied) / Math.max(1, s.sent)).toFixed(1)}%`;

/**
 * The winner test on reply rate: the best variant against the runner-up, only once every variant
 * has the minimum sends (small samples make lucky streaks look like wins), declared at p < 0.05.
 */
export function variantVerdict(stats: VariantStats[], minSent = MIN_SENT_PER_VARIANT): Verdict {
  if (stats.length < 2) return { winner: null, pValue: null, reason: "A test needs at least two variants." };
  const short = stats.filter((s) => s.sent < minSent);
  if (short.length) {
    const least = short.reduce((a, b) => (a.sent <= b.sent ? a : b));
    return {
      winner: null,
      pValue: null,
      reason: `Not enough data yet: ${least.sent} of ${minSent} sends for ${least.label}.`,
    };
  }
  const ranked = [...stats].sort((a, b) => b.replied / b.sent - a.replied / a.sent);
  const [best, next] = [ranked[0]!, ranked[1]!];
  const p = twoProportionPValue(best.replied, best.sent, next.replied, next.sent);
  const shown = p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
  if (p < SIGNIFICANCE && best.replied / best.sent > next.replied / next.sent)
    return {
      winner: best.label,
      pValue: p,
      reason: `${best.label} wins: reply rate ${pct(best)} vs ${pct(next)}, ${shown}.`,
    };
  return {
    winner: null,
    pValue: p,
    reason: `No winner yet: reply rate ${pct(best)} (${best.label}) vs ${pct(next)} (${next.label}), ${shown}; the test needs p < 0.05.`,
  };
}

export const MAX_VARIANTS = 5;
const LABELS = "ABCDE";

/**
 * What is wrong with a step's variants, as a sentence for a 400; null when they are usable.
 * Labels are A, B, C… in order (so "B" means the same thing in the editor, the report and the
 * timeline), weights are whole numbers 1-100, and a variant that changes nothing is refused: it would
 * split the leads between two identical texts and the test would measure noise.
 */
export function variantsProblem(variants: StepVariant[], channel: string): string | null {
  if (variants.length === 0) return null;
  if (variants.length === 1) return "a step with variants needs at least two (A and B)";
  if (variants.length > MAX_VARIANTS) return `a step has at most ${MAX_VARIANTS} variants`;
  for (const [n, v] of variants.entries()) {
    if (v.label !== LABELS[n]) return `variant ${n + 1} must be labelled ${LABELS[n]}`;
    if (!Number.isInteger(v.weight) || v.weight < 1 || v.weight > 100)
      return `variant ${v.label}: the weight must be a whole number from 1 to 100`;
    if (channel !== "email" && (v.subject ?? "").trim())
      return `variant ${v.label}: only an email step has a subject`;
    if (channel === "linkedin_invite" && (v.body ?? "").length > 300)
      return `variant ${v.label}: a LinkedIn invite note is at most 300 characters`;
  }
  const texts = variants.map((v) => `${(v.subject ?? "").trim()}\u0000${(v.body ?? "").trim()}`);
  const same = texts.findIndex((t, n) => texts.indexOf(t) !== n);
  if (same >= 0)
    return `variant ${variants[same]!.label} is the same as variant ${variants[texts.indexOf(texts[same]!)]!.label}; change its subject or body`;
  return null;
}

/** The subject and body templates a variant sends: its own where it has them, the step's otherwise. */
export function variantText(
  step: { subject: string; body: string },
  variant: StepVariant | null,
): { subject: string; body: string } {
  return {
    subject: variant?.subject?.trim() ? variant.subject : step.subject,
    body: variant?.body?.trim() ? variant.body : step.body,
  };
}
