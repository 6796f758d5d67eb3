import { describe, expect, it } from "vitest";
import { plainFetchError } from "./plainFetchError";

describe("plainFetchError", () => {
  it.each([
    [
      "getaddrinfo ENOTFOUND mueller-soehne.example",
      "the website's name mueller-soehne.example does not exist (no DNS record)",
    ],
    ["getaddrinfo EAI_AGAIN acme.example", "the website's name acme.example could not be looked up just now"],
    ["connect ECONNREFUSED 127.0.0.1:443", "the website refused the connection"],
    ["timeout after 10 s", "the website did not answer in time"],
    ["unable to verify the first certificate", "the website's HTTPS certificate is not valid"],
    ["HTTP 500", "HTTP 500"],
  ])("%s → %s", (raw, plain) => {
    expect(plainFetchError(raw)).toBe(plain);
  });
});
