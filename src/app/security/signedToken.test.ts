import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secretBox";
import { readToken, signToken } from "./signedToken";

const ctx = { secrets: createSecretBox("a-test-secret-key-that-is-long-enough-123") };
const id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

describe("signed tokens are read strictly", () => {
  const token = signToken(ctx, "unsubscribe", [id]);
  it("reads the token it signed", () => {
    expect(readToken(ctx, "unsubscribe", token, 1)).toEqual([id]);
  });
  it("refuses extra or missing segments, padding, and non-base64url characters", () => {
    const [payload, sig] = token.split(".");
    for (const bad of [
      `${token}.x`,
      `${token}.`,
      `x.${token}`,
      payload!,
      `${payload}=.${sig}`,
      `${payload}.${sig}=`,
      `${payload!.replace(/-/g, "+").replace(/_/g, "/")}+.${sig}`,
      `${payload} .${sig}`,
      `${payload}.${sig}\u0000`,
      "",
    ])
      expect(readToken(ctx, "unsubscribe", bad, 1)).toBeNull();
  });
  it("refuses a payload whose last character carries unused bits (a second spelling of the same bytes)", () => {
    const [payload, sig] = token.split(".");
    const last = payload!.at(-1)!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const twin = alphabet[alphabet.indexOf(last) + 1]!;
    const alt = `${payload!.slice(0, -1)}${twin}`;
    if (Buffer.from(alt, "base64url").equals(Buffer.from(payload!, "base64url")))
      expect(readToken(ctx, "unsubscribe", `${alt}.${sig}`, 1)).toBeNull();
  });
});
