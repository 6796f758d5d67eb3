import { describe, expect, it } from "vitest";
import type { FindingDraft } from "./auditCheck";
import { forbidsIndexing } from "./pageChecks";
import { gradeFor, scoreFindings } from "./scoreFindings";

const draft = (code: FindingDraft["code"], severity: FindingDraft["severity"]): FindingDraft => ({
  code,
  severity,
  title: code,
  detail: code,
});

describe("scoreFindings", () => {
  it("maps scores to grades at 90, 80, 65 and 50", () => {
    expect([100, 90, 89, 80, 79, 65, 64, 50, 49, 0].map(gradeFor)).toEqual([
      "A",
      "A",
      "B",
      "B",
      "C",
      "C",
      "D",
      "D",
      "F",
      "F",
    ]);
  });

  it("orders by severity then check order, whatever order the checks reported in", () => {
    const result = scoreFindings([
      draft("mx-missing", "major"),
      draft("h1-multiple", "info"),
      draft("lang-missing", "minor"),
      draft("no-https", "major"),
      draft("redirect-chain", "minor"),
    ]);
    expect(result.findings.map((f) => f.code)).toEqual([
      "no-https",
      "mx-missing",
      "redirect-chain",
      "lang-missing",
      "h1-multiple",
    ]);
    expect(result).toMatchObject({ score: 70, grade: "C", topIssue: "no-https" });
  });

  it("has no top issue when only informational findings remain", () => {
    expect(scoreFindings([draft("dns-lookup-failed", "info")])).toMatchObject({
      score: 100,
      grade: "A",
      topIssue: null,
    });
  });
});

describe("forbidsIndexing", () => {
  it("recognises noindex in its spellings but not in preview limits", () => {
    expect(
      [
        "noindex",
        "NOINDEX,follow",
        "none",
        "googlebot: noindex",
        "index, follow",
        "max-image-preview:none",
        "",
      ].map(forbidsIndexing),
    ).toEqual([true, true, true, true, false, false, false]);
  });
});
