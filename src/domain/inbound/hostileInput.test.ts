import { describe, expect, it } from "vitest";
import { parseBounceText } from "./bounceText";
import { classOfFailure } from "./bounceClass";
import { classifyInbound } from "./classifyInbound";
import { parseDeliveryStatus } from "./deliveryStatus";
import { extractMessageIds } from "./messageIds";
import { testMail } from "./testMail";

// Inbound mail is attacker-controlled: every pattern must stay roughly linear in the input size.
const big = {
  blankLines: "x\n" + " \n".repeat(200_000) + "y",
  longWord: "failed " + "a".repeat(200_000),
  manyAts: "message to " + "a@".repeat(50_000) + "!",
  manyDigits: "until " + "1.2.".repeat(50_000),
  manyAddressLines: "<a@b.example>:\n".repeat(20_000),
  manyColons: "x@y:".repeat(50_000),
  deepNesting: Array.from(
    { length: 500 },
    (_, i) => `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n`,
  ).join(""),
};

describe("hostile input", () => {
  it.each(Object.entries(big))("%s is handled quickly", (_, text) => {
    const started = performance.now();
    classifyInbound(
      testMail({ subject: "Out of office " + text.slice(0, 50_000), text, from: text.slice(0, 50_000) }),
      {
        ourAddresses: [],
        receivedAtMs: 0,
      },
    );
    classifyInbound(testMail({ from: "mailer-daemon@x.example", subject: "failure notice", text }), {
      ourAddresses: [],
      receivedAtMs: 0,
    });
    parseBounceText(text);
    parseDeliveryStatus(text);
    classOfFailure("failed", "5.0.0", text.slice(0, 10_000), text);
    extractMessageIds(text);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
