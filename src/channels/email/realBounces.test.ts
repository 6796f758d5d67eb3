import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyInbound } from "../../domain/inbound/classifyInbound";
import { parseEmail } from "./parseEmail";

// Real messages from many MTAs (test/fixtures/mail, from sisimai/set-of-emails), each with what
// Sisimai reads from it. The whole corpus is measured by bench/bounceCorpus.ts.
const dir = new URL("../../../test/fixtures/mail/", import.meta.url);
type Expected = { sisimai: string; status: string | null; recipient: string; class: string };
const expected = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8")) as Record<string, Expected>;
const classify = async (file: string) =>
  classifyInbound(await parseEmail(readFileSync(new URL(file, dir))), {
    ourAddresses: [],
    receivedAtMs: Date.parse("2026-12-03T12:00:00Z"),
  });

describe("real bounces, complaints and notices", () => {
  it.each(Object.entries(expected))("%s (%j)", async (file, want) => {
    const facts = await classify(file);
    if (want.class === "auto_reply") {
      expect(facts.kind).toBe("auto_reply");
      return;
    }
    expect(facts.kind).toBe(want.class === "complaint" ? "complaint" : "bounce");
    if (facts.kind !== "bounce" && facts.kind !== "complaint") return;
    const mine = facts.report.recipients.find((r) => r.address === want.recipient.toLowerCase());
    expect(mine, `recipients: ${facts.report.recipients.map((r) => r.address).join(", ")}`).toBeDefined();
    // Sisimai's own "cannot tell" reasons pin the recipient only.
    if (want.class !== "undetermined")
      expect(mine!.class === "delayed" ? "temporary" : mine!.class).toBe(want.class);
    // Whatever the wording, a temporary failure never reads as a permanent one.
    if (want.class === "temporary") expect(mine!.class).not.toBe("permanent");
  });

  it("the CR-only copy of a message reads exactly like the original", async () => {
    expect(await classify("cr-only-lhost-postfix-01.eml")).toEqual(await classify("lhost-postfix-01.eml"));
  });

  it("keeps the status, diagnostic and reporting MTA of a DSN", async () => {
    const facts = await classify("lhost-postfix-01.eml");
    expect(facts).toMatchObject({
      kind: "bounce",
      report: {
        reportingMta: "p351355.pool.example.ne.jp",
        recipients: [{ address: "r@p351355.pool.example.ne.jp", status: "5.1.1", class: "permanent" }],
      },
    });
  });

  it("a bounce with Auto-Submitted is a bounce, not an out-of-office", async () => {
    const raw = readFileSync(new URL("rb-issue-368-bug.eml", dir), "utf8");
    expect(raw).toMatch(/^Auto-Submitted: auto-replied/m);
    expect(await classify("rb-issue-368-bug.eml")).toMatchObject({
      kind: "bounce",
      report: { recipients: [{ address: "xxxx@yyyyyy.net", class: "temporary", phrase: "mailbox full" }] },
    });
  });

  it("OpenSMTPD's 'Delivery status notification' and DragonFly's MAILER-DAEMON <> are bounces", async () => {
    expect(await classify("lhost-opensmtpd-01.eml")).toMatchObject({
      kind: "bounce",
      reason: expect.stringContaining("bounce subject"),
    });
    expect(await classify("lhost-dragonfly-01.eml")).toMatchObject({
      kind: "bounce",
      reason: expect.stringContaining("mail-system sender"),
    });
  });

  it("a pipe as Final-Recipient: the address is read from the rest of the report", async () => {
    const facts = await classify("lhost-exim-44.eml");
    expect(facts.kind === "bounce" && facts.report.recipients.map((r) => r.address)).toEqual([
      "kijitora@example.com",
    ]);
  });

  it("a complaint names the reported recipient and our original message", async () => {
    expect(await classify("arf-22.eml")).toMatchObject({
      kind: "complaint",
      report: { class: "complaint", recipients: [{ address: "kijitora@example.com", class: "complaint" }] },
    });
  });
});
