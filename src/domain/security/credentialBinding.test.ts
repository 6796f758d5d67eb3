import { describe, expect, it } from "vitest";
import { changedEndpointFields, rebindProblem } from "./credentialBinding";

describe("credentials bound to their destination", () => {
  const stored = { host: "smtp.acme.test", port: 587, user: "me", secure: false };
  it("names the destination fields that change, ignoring case and blank-vs-missing", () => {
    expect(changedEndpointFields(stored, { ...stored, host: "SMTP.acme.test" })).toEqual([]);
    expect(changedEndpointFields(stored, { ...stored, host: "evil.test", secure: true })).toEqual([
      "host",
      "secure",
    ]);
    expect(changedEndpointFields({ user: null }, { user: "" })).toEqual([]);
  });
  it("asks for the secret again only when a stored one would go somewhere new", () => {
    const next = { ...stored, host: "evil.test" };
    expect(rebindProblem({ stored, next, hasStoredSecret: true, newSecretGiven: false })).toBe(
      "re-enter the password when the host changes",
    );
    expect(rebindProblem({ stored, next, hasStoredSecret: true, newSecretGiven: true })).toBeNull();
    expect(rebindProblem({ stored, next, hasStoredSecret: false, newSecretGiven: false })).toBeNull();
    expect(rebindProblem({ stored, next: stored, hasStoredSecret: true, newSecretGiven: false })).toBeNull();
    expect(
      rebindProblem({
        stored: { baseUrl: "https://a" },
        next: { baseUrl: "https://b" },
        hasStoredSecret: true,
        newSecretGiven: false,
        secret: "API key",
        labels: { baseUrl: "base URL" },
      }),
    ).toBe("re-enter the API key when the base URL changes");
  });
});
