import type { FindingDraft } from "./auditCheck";
import type { AuditFinding, Grade, Severity } from "./auditTypes";
import { CHECK_ORDER } from "./checkOrder";

/**
 * Points each finding takes off a starting score of 100:
 * - critical 51: the site is down or serves an error, so one critical alone lands in F (≤ 49);
 * - major 12: any major problem costs the A (88 → B); two give C, four D, five F;
 * - minor 3: an A survives up to three small slips (91), a fourth drops it to B;
 * - info 0: worth knowing, not a fault.
 * Weights depend only on severity, so ties between findings are broken by the check order alone.
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 51, major: 12, minor: 3, info: 0 };
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, major: 1, minor: 2, info: 3 };

export const GRADE_THRESHOLDS: [Grade, number][] = [
  ["A", 90],
  ["B", 80],
  ["C", 65],
  ["D", 50],
];

export function gradeFor(score: number): Grade {
  return GRADE_THRESHOLDS.find(([, min]) => score >= min)?.[0] ?? "F";
}

/** Orders findings (severity, then check order), prices them, and derives score, grade and top issue. */
export function scoreFindings(drafts: FindingDraft[]): {
  findings: AuditFinding[];
  score: number;
  grade: Grade;
  topIssue: string | null;
} {
  const findings = drafts
    .map((d) => ({ ...d, penalty: SEVERITY_WEIGHT[d.severity] }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        b.penalty - a.penalty ||
        CHECK_ORDER.indexOf(a.code) - CHECK_ORDER.indexOf(b.code),
    );
  const lost = findings.reduce((sum, f) => sum + f.penalty, 0);
  const score = Math.max(0, Math.min(100, 100 - lost));
  // An unreachable site is an F whatever else is known (its DNS may be perfect).
  const grade = findings.some((f) => f.code === "unreachable") ? "F" : gradeFor(score);
  const top = findings.find((f) => f.severity !== "info");
  return { findings, score, grade, topIssue: top ? top.title : null };
}
