import { describe, expect, it } from "vitest";
import { classifyInbound } from "./classifyInbound";
import { extractMessageIds } from "./messageIds";
import { parseBounce } from "./parseBounce";

// Inbound mail is attacker-controlled: every pattern must stay roughly linear in the input size.
const big = {
  blankLines: "x\n" + " \n".repeat(200_000) + "y",
  longWord: "failed " + "a".repeat(200_000),
  manyAts: "message to " + "a@".repeat(50_000) + "!",
  manyDigits: "until " + "1.2.".repeat(50_000),
  deepNesting: Array.from(
    { length: 500 },
    (_, i) => `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n`,
  ).join(""),
};

describe("hostile input", () => {
  it.each(Object.entries(big))("%s is handled quickly", (_, text) => {
    const started = performance.now();
    classifyInbound({
      headers: { subject: text.slice(0, 50_000) },
      subject: "Out of office " + text.slice(0, 50_000),
      text,
      from: `<${text.slice(0, 50_000)}>`,
      ourAddresses: [],
      receivedAtMs: 0,
    });
    parseBounce(`From: MAILER-DAEMON@x.example\nSubject: failure notice\n\n${text}`);
    parseBounce(text);
    extractMessageIds(text);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
