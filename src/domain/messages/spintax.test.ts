import { describe, expect, it } from "vitest";
import { leadMergeVars, renderTemplate } from "./renderTemplate";
import { renderSpintax, spinKey, spintaxProblems } from "./spintax";

const variants = (text: string, n = 200) =>
  new Set(
    Array.from({ length: n }, (_, k) => {
      const r = renderSpintax(text, spinKey(`lead-${k}`, 1, "body"));
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.text;
    }),
  );

describe("renderSpintax", () => {
  it.each([
    ["{Hi|Hello|Hey} there", ["Hi there", "Hello there", "Hey there"]],
    ["{Hi {there|friend}|Hello}", ["Hi there", "Hi friend", "Hello"]],
    ["{|really }good", ["good", "really good"]],
    ["a {plain} word", ["a {plain} word"]],
    ["{{first_name|there}}", ["{{first_name|there}}"]],
    ["{Hi {{first_name|there}}|Hello}", ["Hi {{first_name|there}}", "Hello"]],
    [String.raw`\{a\|b\} or {x|y}`, ["{a|b} or x", "{a|b} or y"]],
    ["Acme | Sales", ["Acme | Sales"]],
    ["a } b", ["a } b"]],
    ["{not closed", ["{not closed"]],
  ])("%s gives exactly %j", (text, expected) => {
    expect([...variants(text)].sort()).toEqual([...expected].sort());
  });

  it("gives the same lead, step and part the same text every time, and other leads other texts", () => {
    const text = "{a|b|c|d|e|f|g|h} {1|2|3|4|5|6|7|8}";
    const key = spinKey("8a7c", 2, "body");
    const first = renderSpintax(text, key);
    for (let k = 0; k < 20; k++) expect(renderSpintax(text, key)).toEqual(first);
    expect(variants(text, 400).size).toBeGreaterThan(40);
  });

  it("splits roughly evenly", () => {
    const counts = new Map<string, number>();
    for (let k = 0; k < 3000; k++) {
      const r = renderSpintax("{a|b|c}", spinKey(`l${k}`, 1, "subject"));
      if (r.ok) counts.set(r.text, (counts.get(r.text) ?? 0) + 1);
    }
    for (const v of counts.values()) expect(v).toBeGreaterThan(850);
  });
});

describe("spintaxProblems", () => {
  it.each([
    ["{Hi|Hello}, {{first_name}}", []],
    ["{Hi|Hello there", [{ position: 0, message: "this { is never closed with }" }]],
    ["ok {a|{b|c}", [{ position: 3, message: "this { is never closed with }" }]],
    ["x {|}", [{ position: 2, message: "every option is empty" }]],
    ["{a||b}", []],
    ["{a|{b|{c|d}}}", []],
    ["{a|{b|{c|{d|e}}}}", [{ position: 9, message: "options nested more than 3 deep" }]],
    ["{plain", []],
  ])("%s → %j", (text, expected) => {
    expect(spintaxProblems(text)).toEqual(expected);
  });
});

describe("renderTemplate with spintax", () => {
  const vars = leadMergeVars({ firstName: "Zoë", company: "Nordic AB" });
  it("spins first, then fills merge fields (a lead's data is never spun)", () => {
    const r = renderTemplate(
      "{Hi|Hi} {{first_name|there}} at {{company}}",
      { ...vars, company: "{A|B}" },
      "k",
    );
    expect(r).toEqual({ ok: true, text: "Hi Zoë at {A|B}" });
  });
  it("fails on broken spintax, with the problem", () => {
    expect(renderTemplate("{Hi|Hello {{first_name}}", vars, "k")).toEqual({
      ok: false,
      missing: [],
      spintax: [{ position: 0, message: "this { is never closed with }" }],
    });
  });
  it("leaves spintax alone without a key", () => {
    expect(renderTemplate("{Hi|Hello}", vars)).toEqual({ ok: true, text: "{Hi|Hello}" });
  });
});
