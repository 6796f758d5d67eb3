import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature, webhookRetryDelayMs } from "./webhookSignature";

describe("webhook signatures", () => {
  const body = '{"event":"lead.replied"}';
  it("verify with the right secret and body, within the tolerance", () => {
    const h = signWebhook("s3cret", body, 1_800_000_000);
    expect(h).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature("s3cret", body, h, 1_800_000_100)).toBe(true);
  });
  it("fail with another secret, a changed body, a stale or future timestamp, or a malformed header", () => {
    const h = signWebhook("s3cret", body, 1_800_000_000);
    expect(verifyWebhookSignature("other", body, h, 1_800_000_000)).toBe(false);
    expect(verifyWebhookSignature("s3cret", `${body} `, h, 1_800_000_000)).toBe(false);
    expect(verifyWebhookSignature("s3cret", body, h, 1_800_000_301)).toBe(false);
    expect(verifyWebhookSignature("s3cret", body, h, 1_799_999_699)).toBe(false);
    expect(verifyWebhookSignature("s3cret", body, "v1=abc", 1_800_000_000)).toBe(false);
    expect(verifyWebhookSignature("s3cret", body, "t=1800000000,v1=zz", 1_800_000_000)).toBe(false);
  });
  it("back off 1, 5, 15, 60, 180, 360, 600 minutes, then give up", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => webhookRetryDelayMs(a)! / 60_000)).toEqual([
      1, 5, 15, 60, 180, 360, 600,
    ]);
    expect(webhookRetryDelayMs(8)).toBeNull();
  });
});
