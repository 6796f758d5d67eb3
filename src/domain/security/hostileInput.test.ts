import { describe, expect, it } from "vitest";
import { findHostileInput } from "./hostileInput";

describe("hostile input", () => {
  it("names the field holding a NUL, undecodable text or a lone surrogate", () => {
    expect(findHostileInput({ a: { b: ["ok", "x\u0000y"] } }, "body")).toEqual({
      field: "body.a.b.1",
      message: "must not contain NUL bytes",
    });
    expect(findHostileInput({ search: "M\uFFFDller" }, "querystring")?.message).toBe("is not valid UTF-8");
    expect(findHostileInput({ s: "\ud800x" }, "body")?.message).toContain("lone surrogate");
    expect(findHostileInput({ s: "😀 Müller" }, "body")).toBeNull();
  });
  it("refuses prototype keys by name and deep nesting", () => {
    expect(findHostileInput(JSON.parse('{"x":{"__proto__":{"admin":true}}}'), "body")).toEqual({
      field: "body.x.__proto__",
      message: 'the key "__proto__" is not allowed',
    });
    expect(findHostileInput({ constructor: { prototype: 1 } }, "body")?.field).toBe("body.constructor");
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(findHostileInput(deep, "body")?.message).toMatch(/nested more than/);
  });
});
