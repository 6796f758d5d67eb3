import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractMessageIds, messageIdDomain, normaliseMessageId } from "./messageIds";

describe("extractMessageIds", () => {
  it.each([
    ["<a@x.example>", ["<a@x.example>"]],
    ["<a@x.example> <b@Y.Example>", ["<a@x.example>", "<b@y.example>"]],
    ["<a@x.example>\r\n\t<b@y.example>,<c@z.example>", ["<a@x.example>", "<b@y.example>", "<c@z.example>"]],
    ["<a@x.example> (comment <not@an.id>) <b@y.example>", ["<a@x.example>", "<b@y.example>"]],
    ['Your message of "Mon, 2 Mar" <a@x.example>', ["<a@x.example>"]],
    ["<a@x.example> <a@X.EXAMPLE>", ["<a@x.example>"]],
    ["<CAF=a1b2C3@mail.gmail.com>", ["<CAF=a1b2C3@mail.gmail.com>"]],
    ["<broken-no-at> <ok@x.example>", ["<ok@x.example>"]],
    ["<split@x.\r\n example>", ["<split@x.example>"]],
    ["a@x.example b@y.example", ["<a@x.example>", "<b@y.example>"]],
    ["garbage text", []],
    ["", []],
    [null, []],
    [
      ["<a@x.example>", "<b@y.example>"],
      ["<a@x.example>", "<b@y.example>"],
    ],
  ])("%j → %j", (input, want) => {
    expect(extractMessageIds(input)).toEqual(want);
  });

  it("property: normalised ids joined in any layout come back in order", () => {
    const id = fc
      .tuple(
        fc.stringMatching(/^[A-Za-z0-9.=_+-]{1,20}$/),
        fc.stringMatching(/^[a-z0-9-]{1,10}\.[a-z]{2,5}$/),
      )
      .map(([l, d]) => `<${l}@${d}>`);
    const sep = fc.constantFrom(" ", "\r\n ", ",", "\t", " (c) ");
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 8 }), sep, (ids, s) => {
        expect(extractMessageIds(ids.join(s))).toEqual(ids);
      }),
    );
  });
});

describe("normaliseMessageId / messageIdDomain", () => {
  it.each([
    ["<Abc@Mail.Example>", "<Abc@mail.example>", "mail.example"],
    ["Abc@mail.example", "<Abc@mail.example>", "mail.example"],
    ["  <<Abc@mail.example>>  ", "<Abc@mail.example>", "mail.example"],
    ["<no-domain@>", null, null],
    ["<@no-local>", null, null],
    ["", null, null],
    [undefined, null, null],
  ])("%j → %j (%j)", (input, id, domain) => {
    expect(normaliseMessageId(input)).toBe(id);
    expect(messageIdDomain(input)).toBe(domain);
  });
});
