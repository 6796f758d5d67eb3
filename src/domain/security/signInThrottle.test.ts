import { describe, expect, it } from "vitest";
import { accountPolicy, delayAfterFailures, retryPhrase } from "./signInThrottle";

describe("sign-in delays", () => {
  it("are free for the first failures, then double up to the cap", () => {
    const d = [3, 4, 5, 6, 7, 8, 40].map((n) => delayAfterFailures(n, accountPolicy));
    expect(d).toEqual([0, 0, 2_000, 4_000, 8_000, 16_000, 15 * 60_000]);
  });
  it("say when to retry in words", () => {
    expect(retryPhrase(1)).toBe("in 1 second");
    expect(retryPhrase(8_000)).toBe("in 8 seconds");
    expect(retryPhrase(15 * 60_000)).toBe("in 15 minutes");
  });
});
