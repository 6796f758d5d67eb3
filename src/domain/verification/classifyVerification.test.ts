import { describe, expect, it } from "vitest";
import { classifyVerification } from "./classifyVerification";
import { shouldRetryLater } from "./shouldRetryLater";
import { REASONS } from "./verificationReasons";
import type { ProbeEvidence, ProbeReply } from "./verificationTypes";

// Replies as real servers send them.
const OK: ProbeReply = { code: 250, enhanced: "2.1.5", text: "Ok" };
const POSTFIX_UNKNOWN: ProbeReply = {
  code: 550,
  enhanced: "5.1.1",
  text: "<x@acme.com>: Recipient address rejected: User unknown in virtual mailbox table",
};
const GMAIL_UNKNOWN: ProbeReply = {
  code: 550,
  text: "550-5.1.1 The email account that you tried to reach does not exist. Please try\n550-5.1.1 double-checking the recipient's email address for typos or\n550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser",
};
const EXCHANGE_DENIED: ProbeReply = {
  code: 550,
  enhanced: "5.4.1",
  text: "Recipient address rejected: Access denied. [AM0PR01MB1234.eurprd01.prod.exchangelabs.com]",
};
const GREYLISTED: ProbeReply = {
  code: 450,
  enhanced: "4.2.0",
  text: "<x@acme.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/acme.com.html",
};
const SPAMHAUS: ProbeReply = {
  code: 554,
  enhanced: "5.7.1",
  text: "Service unavailable; Client host [1.2.3.4] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/1.2.3.4",
};

const MX = ["mx1.acme.com", "mx2.acme.com"];
const probed = (rcpt: ProbeReply, randomRcpt: ProbeReply | null = POSTFIX_UNKNOWN): ProbeEvidence => ({
  mx: MX,
  rcpt,
  randomRcpt,
});

describe("classifyVerification", () => {
  it("is invalid on a syntax failure, with the syntax reason, whatever the probe said", () => {
    expect(classifyVerification("john..smith@acme.com", probed(OK))).toEqual({
      status: "invalid",
      reasons: ["local part has consecutive dots"],
    });
    expect(classifyVerification('"john"@acme.com', probed(OK)).reasons).toEqual([
      "quoted local parts are not supported",
    ]);
  });

  it("is unknown when DNS failed", () => {
    expect(classifyVerification("jane@acme.com", { mx: null })).toEqual({
      status: "unknown",
      reasons: [REASONS.dnsFailed],
    });
  });

  it("is invalid when the domain has neither MX nor A record", () => {
    expect(classifyVerification("jane@acme.com", { mx: [] })).toEqual({
      status: "invalid",
      reasons: [REASONS.noMailServer],
    });
  });

  it("probes through the A record when there is no MX (implicit MX)", () => {
    expect(classifyVerification("jane@acme.com", { ...probed(OK), mx: [], aFallback: true }).status).toBe(
      "valid",
    );
  });

  it("is unknown when no MX could be reached", () => {
    expect(
      classifyVerification("jane@acme.com", { mx: MX, connectError: "connect ETIMEDOUT 203.0.113.5:25" }),
    ).toEqual({
      status: "unknown",
      reasons: ["could not reach mail server (connect ETIMEDOUT 203.0.113.5:25)"],
    });
  });

  it("is unknown when nothing was probed", () => {
    expect(classifyVerification("jane@acme.com", { mx: MX })).toEqual({
      status: "unknown",
      reasons: [REASONS.notProbed],
    });
  });

  it("is valid when the address is accepted and a random one is rejected (Postfix)", () => {
    expect(classifyVerification("jane@acme.com", probed(OK, POSTFIX_UNKNOWN))).toEqual({
      status: "valid",
      reasons: [REASONS.accepted],
    });
  });

  it("is valid when the random address gets a bare 551 or 553", () => {
    for (const code of [551, 553])
      expect(
        classifyVerification("jane@acme.com", probed(OK, { code, text: "no such user here" })).status,
      ).toBe("valid");
  });

  it("is catch_all when the random address is accepted too", () => {
    expect(
      classifyVerification("jane@acme.com", probed(OK, { code: 250, text: "2.1.5 Recipient OK" })),
    ).toEqual({
      status: "catch_all",
      reasons: [REASONS.catchAll],
    });
  });

  it("is risky when the catch-all probe was not made or was refused", () => {
    expect(classifyVerification("jane@acme.com", probed(OK, null))).toEqual({
      status: "risky",
      reasons: [REASONS.accepted, REASONS.catchAllNotTested],
    });
    expect(classifyVerification("jane@acme.com", probed(OK, SPAMHAUS))).toEqual({
      status: "risky",
      reasons: [REASONS.accepted, REASONS.catchAllInconclusive],
    });
  });

  it("is invalid on Postfix's and Gmail's 'no such user'", () => {
    expect(classifyVerification("ghost@acme.com", probed(POSTFIX_UNKNOWN))).toEqual({
      status: "invalid",
      reasons: [REASONS.noMailbox],
    });
    expect(classifyVerification("ghost@gmail.com", probed(GMAIL_UNKNOWN)).status).toBe("invalid");
  });

  it("is invalid on Exchange Online's 5.1.10 RecipientNotFound", () => {
    const reply = {
      code: 550,
      enhanced: "5.1.10",
      text: "RESOLVER.ADR.RecipientNotFound; Recipient not found",
    };
    expect(classifyVerification("ghost@acme.com", probed(reply)).status).toBe("invalid");
  });

  it("is unknown and retryable when greylisted", () => {
    const result = classifyVerification("jane@acme.com", probed(GREYLISTED));
    expect(result).toEqual({ status: "unknown", reasons: [REASONS.greylisted] });
    expect(result.reasons[0]).toBe("greylisted — retry later");
    expect(shouldRetryLater(result)).toBe(true);
  });

  it("is unknown and retryable when only the catch-all probe was greylisted", () => {
    const result = classifyVerification("jane@acme.com", probed(OK, GREYLISTED));
    expect(result.status).toBe("unknown");
    expect(shouldRetryLater(result)).toBe(true);
  });

  it("is unknown, not invalid, when our probe is refused by policy", () => {
    for (const reply of [SPAMHAUS, EXCHANGE_DENIED]) {
      const result = classifyVerification("jane@acme.com", probed(reply));
      expect(result).toEqual({ status: "unknown", reasons: [REASONS.policyBlock] });
      expect(shouldRetryLater(result)).toBe(false);
    }
  });

  it("is unknown on a 5xx it cannot read", () => {
    expect(classifyVerification("jane@acme.com", probed({ code: 554, text: "Transaction failed" }))).toEqual({
      status: "unknown",
      reasons: ["unexpected SMTP reply 554"],
    });
  });

  it("is risky when the mailbox exists but is full", () => {
    const full = {
      code: 552,
      enhanced: "5.2.2",
      text: "The email account that you tried to reach is over quota",
    };
    expect(classifyVerification("jane@acme.com", probed(full)).status).toBe("risky");
  });

  it("is risky, saying so, for a role account the server accepted", () => {
    expect(classifyVerification("sales@acme.com", probed(OK))).toEqual({
      status: "risky",
      reasons: [REASONS.role, REASONS.accepted],
    });
    expect(REASONS.role).toBe("role account");
  });

  it("keeps catch_all for a role account but notes the role", () => {
    expect(classifyVerification("info@acme.com", probed(OK, OK))).toEqual({
      status: "catch_all",
      reasons: [REASONS.catchAll, REASONS.role],
    });
  });

  it("keeps invalid for a role account that does not exist", () => {
    expect(classifyVerification("info@acme.com", probed(POSTFIX_UNKNOWN))).toEqual({
      status: "invalid",
      reasons: [REASONS.noMailbox],
    });
  });

  it("is valid when a free-mail provider accepts, without needing the catch-all probe", () => {
    expect(classifyVerification("jane.doe@gmail.com", probed(OK, null))).toEqual({
      status: "valid",
      reasons: [REASONS.accepted, REASONS.freeMail],
    });
    // Yahoo accepts any RCPT and bounces later; it is still not a catch-all domain.
    expect(classifyVerification("jane.doe@yahoo.com", probed(OK, OK)).status).toBe("valid");
  });

  it("does not treat a personal free-mail address that looks like a role as a role", () => {
    expect(classifyVerification("info@gmail.com", probed(OK, null)).status).toBe("valid");
  });

  it("is risky for a disposable domain, saying so, even when accepted", () => {
    expect(classifyVerification("x@mailinator.com", probed(OK, POSTFIX_UNKNOWN))).toEqual({
      status: "risky",
      reasons: [REASONS.disposable, REASONS.accepted],
    });
    expect(REASONS.disposable).toMatch(/disposable/);
  });

  it("is risky for a disposable domain it could not probe, and does not ask for a retry", () => {
    const result = classifyVerification("x@yopmail.com", probed(GREYLISTED));
    expect(result.status).toBe("risky");
    expect(shouldRetryLater(result)).toBe(false);
  });

  it("stays invalid for a disposable address the probe proved missing", () => {
    expect(classifyVerification("x@guerrillamail.com", probed(POSTFIX_UNKNOWN))).toEqual({
      status: "invalid",
      reasons: [REASONS.noMailbox, REASONS.disposable],
    });
  });

  it("does not modify the evidence it is given", () => {
    const evidence = probed(OK);
    const copy = structuredClone(evidence);
    classifyVerification("sales@acme.com", evidence);
    expect(evidence).toEqual(copy);
  });
});

describe("shouldRetryLater", () => {
  it("is true only for a greylisted unknown", () => {
    expect(shouldRetryLater({ status: "unknown", reasons: [REASONS.greylisted] })).toBe(true);
    expect(shouldRetryLater({ status: "unknown", reasons: [REASONS.dnsFailed] })).toBe(false);
    expect(shouldRetryLater({ status: "risky", reasons: [REASONS.disposable, REASONS.greylisted] })).toBe(
      false,
    );
  });
});
