import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPlaceholders, leadMergeVars, renderTemplate } from "./renderTemplate";

describe("renderTemplate", () => {
  const vars = leadMergeVars({
    firstName: "Zoë",
    company: "Nordic AB",
    customFields: { icebreaker: "Loved your post", empty: "  " },
  });
  it("fills variables, custom fields and fallbacks", () => {
    expect(renderTemplate("Hi {{first_name}}, {{custom_icebreaker}} at {{ company }}.", vars)).toEqual({
      ok: true,
      text: "Hi Zoë, Loved your post at Nordic AB.",
    });
    expect(renderTemplate("Hi {{last_name|there}}", vars)).toEqual({ ok: true, text: "Hi there" });
  });
  it("refuses blank or missing variables instead of sending an empty field", () => {
    expect(renderTemplate("Hi {{last_name}} {{custom_empty}} {{custom_nope}}", vars)).toEqual({
      ok: false,
      missing: ["last_name", "custom_empty", "custom_nope"],
    });
    expect(renderTemplate("Hi {{first_name}", vars)).toEqual({
      ok: false,
      missing: ["malformed placeholder"],
    });
  });
  it("lists placeholders once each", () => {
    expect(findPlaceholders("{{a}} {{b|x}} {{a}}")).toEqual(["a", "b"]);
  });
  it("never returns text containing a placeholder (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string()), (t, v) => {
        const r = renderTemplate(t, v);
        return !r.ok || !/\{\{\s*[a-zA-Z0-9_.-]+\s*(\|[^}]*)?\}\}/.test(r.text);
      }),
    );
  });
});
