import { describe, expect, it } from "vitest";
import {
  assignVariant,
  twoProportionPValue,
  variantText,
  variantVerdict,
  variantsProblem,
} from "./stepVariants";

const AB = [
  { label: "A", subject: "Hi", weight: 1 },
  { label: "B", subject: "Hello", weight: 1 },
];

describe("assignVariant", () => {
  it("gives the same lead the same variant every time", () => {
    for (let i = 0; i < 50; i++)
      expect(assignVariant(AB, `lead-${i}`, 2)).toEqual(assignVariant(AB, `lead-${i}`, 2));
  });
  it.each([
    [
      [1, 1],
      [0.45, 0.55],
    ],
    [
      [3, 1],
      [0.7, 0.8],
    ],
    [
      [1, 9],
      [0.07, 0.13],
    ],
  ])("splits 4000 leads by weights %j (share of A within %j)", (weights, [lo, hi]) => {
    const vs = weights.map((w, i) => ({ label: "AB"[i]!, weight: w }));
    let a = 0;
    for (let i = 0; i < 4000; i++) if (assignVariant(vs, `00000000-lead-${i}`, 1)!.label === "A") a++;
    expect(a / 4000).toBeGreaterThan(lo!);
    expect(a / 4000).toBeLessThan(hi!);
  });
  it("gives every lead the declared winner, and nothing when the step has no variants", () => {
    for (let i = 0; i < 20; i++) expect(assignVariant(AB, `lead-${i}`, 1, "B")!.label).toBe("B");
    expect(assignVariant([], "lead", 1)).toBeNull();
  });
});

describe("twoProportionPValue", () => {
  it.each([
    // Reference values from scipy-free closed form: erfc(|z|/sqrt 2), pooled variance.
    [20, 200, 40, 200, 0.0051014],
    [18, 200, 8, 200, 0.0425414],
    [10, 100, 12, 100, 0.6512801],
    [0, 100, 0, 100, 1],
  ])("%i/%i vs %i/%i -> p = %f", (x1, n1, x2, n2, p) => {
    expect(twoProportionPValue(x1, n1, x2, n2)).toBeCloseTo(p, 6);
  });
});

describe("variantVerdict", () => {
  it.each([
    [
      [
        { label: "A", sent: 37, replied: 3 },
        { label: "B", sent: 120, replied: 9 },
      ],
      null,
      "Not enough data yet: 37 of 100 sends for A.",
    ],
    [
      [
        { label: "A", sent: 200, replied: 8 },
        { label: "B", sent: 200, replied: 18 },
      ],
      "B",
      "B wins: reply rate 9.0% vs 4.0%, p = 0.043.",
    ],
    [
      [
        { label: "A", sent: 100, replied: 10 },
        { label: "B", sent: 100, replied: 12 },
      ],
      null,
      "No winner yet: reply rate 12.0% (B) vs 10.0% (A), p = 0.651; the test needs p < 0.05.",
    ],
    [[{ label: "A", sent: 500, replied: 50 }], null, "A test needs at least two variants."],
  ])("%j -> %s", (stats, winner, reason) => {
    const v = variantVerdict(stats);
    expect(v.winner).toBe(winner);
    expect(v.reason).toBe(reason);
  });
});

describe("variantsProblem", () => {
  const v = (label: string, subject?: string, body?: string, weight = 1) => ({
    label,
    subject,
    body,
    weight,
  });
  it.each([
    [[], "email", null],
    [[v("A"), v("B", "Other subject")], "email", null],
    [[v("A")], "email", "a step with variants needs at least two (A and B)"],
    [[v("A"), v("C", "x")], "email", "variant 2 must be labelled B"],
    [[v("A"), v("B", "x", "", 0)], "email", "variant B: the weight must be a whole number from 1 to 100"],
    [[v("A"), v("B", "x", "", 1.5)], "email", "variant B: the weight must be a whole number from 1 to 100"],
    [[v("A"), v("B", "", "")], "email", "variant B is the same as variant A; change its subject or body"],
    [
      [v("A", "", "Hi"), v("B", " ", "Hi ")],
      "email",
      "variant B is the same as variant A; change its subject or body",
    ],
    [[v("A"), v("B", "Subj", "note")], "linkedin_invite", "variant B: only an email step has a subject"],
    [
      [v("A"), v("B", "", "n".repeat(301))],
      "linkedin_invite",
      "variant B: a LinkedIn invite note is at most 300 characters",
    ],
    [
      [v("A"), v("B", "b"), v("C", "c"), v("D", "d"), v("E", "e"), v("F", "f")],
      "email",
      "a step has at most 5 variants",
    ],
  ])("%j on %s -> %s", (variants, channel, problem) => {
    expect(variantsProblem(variants, channel)).toBe(problem);
  });
});

describe("variantText", () => {
  const step = { subject: "Step subject", body: "Step body" };
  it("keeps the step's text where the variant has none, and uses the variant's where it has", () => {
    expect(variantText(step, null)).toEqual(step);
    expect(variantText(step, { label: "A", weight: 1 })).toEqual(step);
    expect(variantText(step, { label: "B", subject: "B subject", body: " ", weight: 1 })).toEqual({
      subject: "B subject",
      body: "Step body",
    });
  });
});
