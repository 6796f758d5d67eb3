import { describe, expect, it } from "vitest";
import type { DnsLookup, DnsRecordType } from "./senderDomainTypes";
import { checkTrackingDomain, normalizeTrackingDomain, unreachableTarget } from "./trackingDomainCheck";

type Zone = Record<string, Partial<Record<DnsRecordType, string[] | null>>>;
const lookupIn =
  (zone: Zone): DnsLookup =>
  async (type, name) =>
    zone[name]?.[type] === undefined ? [] : zone[name][type]!;

const TARGET = "mail.overture-host.com";

describe("normalizeTrackingDomain", () => {
  it.each([
    ["track.acme.com", "track.acme.com"],
    ["  Track.ACME.com. ", "track.acme.com"],
    ["https://track.acme.com/some/path", "track.acme.com"],
    ["links.acme.co.uk", "links.acme.co.uk"],
  ])("accepts %j as %s", (input, domain) => {
    expect(normalizeTrackingDomain(input)).toEqual({ domain });
  });

  it.each([
    ["", "enter a host name"],
    ["192.0.2.1", "not an address"],
    ["track acme.com", "not a valid host name"],
    ["-x.acme.com", "not a valid host name"],
    ["track..acme.com", "not a valid host name"],
    [`${"a".repeat(64)}.acme.com`, "not a valid host name"],
    ["localhost", "not a valid host name"],
    ["track.acme.internal", "not under a public domain"],
    ["track.acme.test", "not under a public domain"],
  ])("refuses %j with a sentence", (input, says) => {
    const r = normalizeTrackingDomain(input);
    expect("problem" in r && r.problem).toContain(says);
  });
});

describe("checkTrackingDomain", () => {
  it("passes a CNAME that names Overture's host", async () => {
    const v = await checkTrackingDomain(
      "track.acme.com",
      TARGET,
      lookupIn({ "track.acme.com": { cname: [TARGET] } }),
    );
    expect(v).toEqual({ result: "pass", message: `track.acme.com points to ${TARGET}.`, evidence: TARGET });
  });

  it("fails a CNAME to another host and names the right one", async () => {
    const v = await checkTrackingDomain(
      "track.acme.com",
      TARGET,
      lookupIn({ "track.acme.com": { cname: ["track.other-tool.com"] } }),
    );
    expect(v.result).toBe("fail");
    expect(v.message).toBe(
      `track.acme.com points to track.other-tool.com, not to ${TARGET}: change its CNAME record to ${TARGET}.`,
    );
  });

  it("fails a missing record with the record to add", async () => {
    const v = await checkTrackingDomain("track.acme.com", TARGET, lookupIn({}));
    expect(v).toMatchObject({
      result: "fail",
      message: `track.acme.com has no CNAME record. Add a DNS record: track.acme.com CNAME ${TARGET}.`,
    });
  });

  it("passes a flattened CNAME (same addresses as the target) and notes an apex domain", async () => {
    const v = await checkTrackingDomain(
      "acme.com",
      TARGET,
      lookupIn({
        "acme.com": { a: ["192.0.2.8", "192.0.2.9"] },
        [TARGET]: { a: ["192.0.2.9", "192.0.2.8"] },
      }),
    );
    expect(v.result).toBe("pass");
    expect(v.message).toContain("same addresses as");
    expect(v.message).toContain("track.acme.com keeps them apart");
  });

  it("fails an A record that leads elsewhere", async () => {
    const v = await checkTrackingDomain(
      "track.acme.com",
      TARGET,
      lookupIn({ "track.acme.com": { a: ["198.51.100.1"] }, [TARGET]: { a: ["192.0.2.9"] } }),
    );
    expect(v).toMatchObject({ result: "fail", evidence: "198.51.100.1" });
    expect(v.message).toContain("Replace its A record with a CNAME record");
  });

  it("says a failed look-up could not be checked, rather than that the record is missing", async () => {
    const v = await checkTrackingDomain(
      "track.acme.com",
      TARGET,
      lookupIn({ "track.acme.com": { cname: null } }),
    );
    expect(v.message).toContain("could not be checked");
  });

  it("fails when Overture's own public address is not a name recipients can reach", async () => {
    for (const host of ["127.0.0.1", "localhost", "overture.local", "[::1]".slice(1, -1)]) {
      expect(unreachableTarget(host)).toBe(true);
      const v = await checkTrackingDomain(
        "track.acme.com",
        host,
        lookupIn({ "track.acme.com": { cname: [host] } }),
      );
      expect(v.result).toBe("fail");
      expect(v.message).toContain("set PUBLIC_URL");
    }
    expect(unreachableTarget(TARGET)).toBe(false);
  });
});
