import { describe, expect, it } from "vitest";
import { detectDelimiter } from "./detectDelimiter";

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3", ","],
    ["a;b;c\n1;2,5;3", ";"],
    ["a\tb\n1\t2", "\t"],
    ["a|b\n1|2", "|"],
    ['name;note\n"Doe, Jane";"x, y, z"', ";"],
    ["single\nvalue", ","],
  ])("%j → %j", (sample, d) => {
    expect(detectDelimiter(sample)).toBe(d);
  });
});
