import { describe, expect, it } from "vitest";
import { ipInRange } from "./ipInRange";
import { memoLookup, senderDomainChecks } from "./senderDomainChecks";
import type { DnsLookup, DnsRecordType, SenderDomainCheckName } from "./senderDomainTypes";

type Zone = Record<string, Partial<Record<DnsRecordType, string[] | null>>>;

const KEY = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC";
/** A domain with everything right: the base every case breaks one record of. */
const good = (): Zone => ({
  "acme.example": {
    mx: ["mx1.acme.example"],
    txt: ["google-site-verification=abc", "v=spf1 include:_spf.mailer.example -all"],
  },
  "_spf.mailer.example": { txt: ["v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ~all"] },
  "smtp.mailer.example": { a: ["192.0.2.25"] },
  "192.0.2.25": { ptr: ["out25.mailer.example"] },
  "out25.mailer.example": { a: ["192.0.2.25"] },
  "s2024._domainkey.acme.example": { txt: [KEY] },
  "_dmarc.acme.example": { txt: ["v=DMARC1; p=reject; adkim=s; rua=mailto:d@acme.example"] },
});

const lookupIn =
  (zone: Zone): DnsLookup =>
  async (type, name) =>
    zone[name] === undefined ? [] : zone[name][type] === undefined ? [] : zone[name][type]!;

const run = async (zone: Zone, o: { selector?: string | null; smtpHost?: string | null } = {}) =>
  senderDomainChecks(
    {
      fromEmail: "ada@acme.example",
      smtpHost: o.smtpHost === undefined ? "smtp.mailer.example" : o.smtpHost,
      dkimSelector: o.selector === undefined ? "s2024" : o.selector,
    },
    memoLookup(lookupIn(zone)),
  );

const broken = (edit: (z: Zone) => void) => {
  const z = good();
  edit(z);
  return z;
};
const includes = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`i${i}.example`, { txt: [`v=spf1 ip4:198.51.100.${i} ~all`] }]),
  );

describe("senderDomainChecks", () => {
  it("passes every check on a domain set up right", async () => {
    const checks = await run(good());
    expect(checks.map((c) => `${c.check}:${c.result}`)).toEqual([
      "mx:pass",
      "spf:pass",
      "dkim:pass",
      "dmarc:pass",
      "ptr:pass",
    ]);
    expect(checks.find((c) => c.check === "spf")!.message).toBe(
      "SPF allows smtp.mailer.example, uses 1 of 10 look-ups and ends with -all.",
    );
    expect(checks.find((c) => c.check === "dmarc")!.message).toContain(
      "DKIM alignment strict, SPF alignment relaxed",
    );
  });

  const cases: [
    string,
    SenderDomainCheckName,
    Zone,
    "pass" | "warn" | "fail",
    RegExp,
    { selector?: string | null; smtpHost?: string | null }?,
  ][] = [
    [
      "no MX",
      "mx",
      broken((z) => delete z["acme.example"]!.mx),
      "warn",
      /no MX record, so replies and bounces/,
    ],
    ["null MX", "mx", broken((z) => (z["acme.example"]!.mx = ["."])), "warn", /no MX record/],
    [
      "MX look-up failed",
      "mx",
      broken((z) => (z["acme.example"]!.mx = null)),
      "warn",
      /could not be looked up/,
    ],
    [
      "no SPF",
      "spf",
      broken((z) => (z["acme.example"]!.txt = ["hello"])),
      "fail",
      /has no SPF record: add a TXT/,
    ],
    [
      "two SPF records",
      "spf",
      broken((z) => z["acme.example"]!.txt!.push("v=spf1 mx -all")),
      "fail",
      /has 2 SPF records .* merge them/,
    ],
    [
      "a bad SPF term",
      "spf",
      broken((z) => (z["acme.example"]!.txt = ["v=spf1 include:_spf.mailer.example ipv4:1.2.3.4 -all"])),
      "fail",
      /the term "ipv4:1.2.3.4"/,
    ],
    [
      "+all",
      "spf",
      broken((z) => (z["acme.example"]!.txt = ["v=spf1 include:_spf.mailer.example +all"])),
      "fail",
      /ends with \+all/,
    ],
    [
      "?all",
      "spf",
      broken((z) => (z["acme.example"]!.txt = ["v=spf1 include:_spf.mailer.example ?all"])),
      "warn",
      /ends with \?all/,
    ],
    [
      "no all",
      "spf",
      broken((z) => (z["acme.example"]!.txt = ["v=spf1 include:_spf.mailer.example"])),
      "warn",
      /has no all term/,
    ],
    [
      "SMTP host not covered",
      "spf",
      broken((z) => (z["smtp.mailer.example"]!.a = ["203.0.113.9"])),
      "fail",
      /does not allow smtp.mailer.example \(203.0.113.9\) .* "ip4:203.0.113.9"/,
    ],
    [
      "11 look-ups",
      "spf",
      broken((z) => {
        Object.assign(z, includes(11));
        z["acme.example"]!.txt = [
          `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:i${i}.example`).join(" ")} -all`,
        ];
      }),
      "fail",
      /needs 11 DNS look-ups and receivers stop at 10/,
    ],
    [
      "an include without SPF",
      "spf",
      broken((z) => (z["acme.example"]!.txt = ["v=spf1 ip4:192.0.2.25 include:gone.example -all"])),
      "fail",
      /gone.example has no SPF record/,
    ],
    [
      "revoked DKIM key",
      "dkim",
      broken((z) => (z["s2024._domainkey.acme.example"]!.txt = ["v=DKIM1; p="])),
      "fail",
      /revoked/,
    ],
    [
      "no key at the selector",
      "dkim",
      broken((z) => delete z["s2024._domainkey.acme.example"]),
      "fail",
      /No DKIM key is published at s2024/,
    ],
    [
      "no selector, none of the common ones",
      "dkim",
      good(),
      "warn",
      /enter the selector/,
      { selector: null },
    ],
    [
      "no selector, a common one found",
      "dkim",
      broken((z) => (z["google._domainkey.acme.example"] = { txt: [KEY] })),
      "pass",
      /selector "google"/,
      { selector: null },
    ],
    [
      "DKIM not a key",
      "dkim",
      broken((z) => (z["s2024._domainkey.acme.example"]!.txt = ["v=DKIM2; p=abc"])),
      "fail",
      /not a valid key/,
    ],
    [
      "no DMARC",
      "dmarc",
      broken((z) => delete z["_dmarc.acme.example"]),
      "fail",
      /has no DMARC record: add a TXT record at _dmarc/,
    ],
    [
      "two DMARC records",
      "dmarc",
      broken((z) => z["_dmarc.acme.example"]!.txt!.push("v=DMARC1; p=none")),
      "fail",
      /2 DMARC records/,
    ],
    [
      "DMARC missing a semicolon",
      "dmarc",
      broken((z) => (z["_dmarc.acme.example"]!.txt = ["v=DMARC1 p=reject"])),
      "fail",
      /malformed \(it must start with "v=DMARC1;"\)/,
    ],
    [
      "DMARC with a bad policy",
      "dmarc",
      broken((z) => (z["_dmarc.acme.example"]!.txt = ["v=DMARC1; p=block"])),
      "fail",
      /p=block is not a valid value/,
    ],
    [
      "DMARC without p=",
      "dmarc",
      broken((z) => (z["_dmarc.acme.example"]!.txt = ["v=DMARC1; rua=mailto:x@y"])),
      "fail",
      /no p= policy/,
    ],
    [
      "DMARC p=none",
      "dmarc",
      broken((z) => (z["_dmarc.acme.example"]!.txt = ["v=DMARC1; p=none; aspf=s"])),
      "warn",
      /p=none \(monitoring only; DKIM alignment relaxed, SPF alignment strict\)/,
    ],
    [
      "DMARC quarantine",
      "dmarc",
      broken((z) => (z["_dmarc.acme.example"]!.txt = ["v=DMARC1; p=quarantine; pct=50"])),
      "pass",
      /quarantine mail that fails on 50%/,
    ],
    ["no PTR", "ptr", broken((z) => delete z["192.0.2.25"]), "warn", /has no reverse DNS name/],
    [
      "PTR not confirmed",
      "ptr",
      broken((z) => delete z["out25.mailer.example"]),
      "warn",
      /does not point back/,
    ],
  ];
  it.each(cases)("%s → %s %s", async (_name, check, zone, expected, message, opts) => {
    const c = (await run(zone, opts)).find((x) => x.check === check)!;
    expect(c.result).toBe(expected);
    expect(c.message).toMatch(message);
  });

  it("evaluates a, mx, redirect, exists with macros, and an SMTP host given as an address", async () => {
    const zone = broken((z) => {
      z["acme.example"]!.txt = ["v=spf1 a mx redirect=_spf.acme.example"];
      z["acme.example"]!.a = ["198.51.100.1"];
      z["mx1.acme.example"] = { a: ["198.51.100.2"] };
      z["_spf.acme.example"] = { txt: ["v=spf1 exists:%{i}._ip.acme.example -all"] };
      z["192.0.2.77._ip.acme.example"] = { a: ["127.0.0.2"] };
    });
    const spf = async (smtpHost: string) => (await run(zone, { smtpHost })).find((c) => c.check === "spf")!;
    for (const ip of ["198.51.100.1", "198.51.100.2", "192.0.2.77"])
      expect((await spf(ip)).result).toBe("pass");
    expect((await spf("192.0.2.78")).result).toBe("fail");
    expect((await spf("192.0.2.77")).message).toMatch(/uses 4 of 10 look-ups and ends with -all/);
  });

  describe("SPF of an SMTP host with IPv6 addresses", () => {
    const v6 = (edit: (z: Zone) => void) =>
      broken((z) => {
        z["smtp.mailer.example"] = { aaaa: ["2001:db8::25"] };
        edit(z);
      });
    const spfOf = async (zone: Zone) => (await run(zone)).find((c) => c.check === "spf")!;
    it.each<[string, Zone, "pass" | "warn" | "fail", RegExp]>([
      ["only AAAA, covered by the include's ip6:", v6(() => {}), "pass", /^SPF allows smtp\.mailer\.example/],
      [
        "only AAAA, outside every ip6:",
        v6((z) => (z["smtp.mailer.example"]!.aaaa = ["2001:db9::25"])),
        "fail",
        /does not allow smtp\.mailer\.example \(2001:db9::25\) to send for it: add "ip6:2001:db9::25"/,
      ],
      [
        "A covered but AAAA not: both families must be allowed",
        v6((z) => (z["smtp.mailer.example"] = { a: ["192.0.2.25"], aaaa: ["2001:db9::25"] })),
        "fail",
        /\(2001:db9::25\).*"ip6:2001:db9::25"/,
      ],
      [
        "covered by a, through the domain's AAAA",
        v6((z) => {
          z["acme.example"]!.txt = ["v=spf1 a -all"];
          z["acme.example"]!.aaaa = ["2001:db8::25"];
        }),
        "pass",
        /uses 1 of 10 look-ups/,
      ],
      [
        "a looks up AAAA, not A, for an IPv6 client",
        v6((z) => {
          z["acme.example"]!.txt = ["v=spf1 a -all"];
          z["acme.example"]!.a = ["192.0.2.25"];
        }),
        "fail",
        /"ip6:2001:db8::25"/,
      ],
      [
        "a/24//64 takes the ip6 prefix",
        v6((z) => {
          z["acme.example"]!.txt = ["v=spf1 a/24//64 -all"];
          z["acme.example"]!.aaaa = ["2001:db8::1"];
        }),
        "pass",
        /^SPF allows/,
      ],
      [
        "a/24//64 does not reach past the /64",
        v6((z) => {
          z["acme.example"]!.txt = ["v=spf1 a/24//64 -all"];
          z["acme.example"]!.aaaa = ["2001:db8:0:1::1"];
        }),
        "fail",
        /"ip6:2001:db8::25"/,
      ],
      [
        "a/24 without an ip6 prefix needs the exact address",
        v6((z) => {
          z["acme.example"]!.txt = ["v=spf1 a/24 -all"];
          z["acme.example"]!.aaaa = ["2001:db8::1"];
        }),
        "fail",
        /"ip6:2001:db8::25"/,
      ],
      [
        "covered by mx, through the MX host's AAAA",
        v6((z) => {
          z["acme.example"]!.txt = ["v=spf1 mx -all"];
          z["mx1.acme.example"] = { a: ["198.51.100.2"], aaaa: ["2001:db8::25"] };
        }),
        "pass",
        /^SPF allows/,
      ],
      [
        "mx whose host has only an A record",
        v6((z) => {
          z["acme.example"]!.txt = ["v=spf1 mx -all"];
          z["mx1.acme.example"] = { a: ["198.51.100.2"] };
        }),
        "fail",
        /"ip6:2001:db8::25"/,
      ],
    ])("%s", async (_name, zone, expected, message) => {
      const c = await spfOf(zone);
      expect(c.result).toBe(expected);
      expect(c.message).toMatch(message);
    });

    it("confirms the reverse DNS of an IPv6 address through the name's AAAA", async () => {
      const zone = v6((z) => {
        z["2001:db8::25"] = { ptr: ["out25.mailer.example"] };
        z["out25.mailer.example"] = { a: ["192.0.2.25"], aaaa: ["2001:0db8:0:0::25"] };
      });
      const ptr = async () => (await run(zone)).find((c) => c.check === "ptr")!;
      expect(await ptr()).toMatchObject({ result: "pass" });
      delete zone["out25.mailer.example"]!.aaaa;
      expect((await ptr()).message).toMatch(/does not point back to 2001:db8::25/);
    });
  });

  it("has no PTR check and no SPF coverage without an SMTP host (the sandbox)", async () => {
    const checks = await run(good(), { smtpHost: null });
    expect(checks.map((c) => c.check)).toEqual(["mx", "spf", "dkim", "dmarc"]);
    expect(checks[1]!.message).toBe("SPF is valid, uses 1 of 10 look-ups and ends with -all.");
  });

  describe("DMARC of a subdomain sender", () => {
    const sub = (edit: (z: Zone) => void) =>
      broken((z) => {
        z["mail.acme.example"] = {
          mx: ["mx1.acme.example"],
          txt: ["v=spf1 include:_spf.mailer.example -all"],
        };
        z["s2024._domainkey.mail.acme.example"] = { txt: [KEY] };
        edit(z);
      });
    const dmarcOf = async (zone: Zone) =>
      (
        await senderDomainChecks(
          { fromEmail: "ada@mail.acme.example", smtpHost: "smtp.mailer.example", dkimSelector: "s2024" },
          memoLookup(lookupIn(zone)),
        )
      ).find((c) => c.check === "dmarc")!;
    it.each<[string, (z: Zone) => void, "pass" | "warn" | "fail", RegExp]>([
      [
        "own record wins over the parent's",
        (z) => (z["_dmarc.mail.acme.example"] = { txt: ["v=DMARC1; p=none"] }),
        "warn",
        /^DMARC is p=none \(monitoring only/,
      ],
      [
        "no own record: the organizational domain's p= applies",
        () => {},
        "pass",
        /reject mail that fails \(from the record of acme\.example at _dmarc\.acme\.example\)/,
      ],
      [
        "no own record: the parent's sp= applies, not its p=",
        (z) => (z["_dmarc.acme.example"]!.txt = ["v=DMARC1; p=reject; sp=none"]),
        "warn",
        /sp=none \(from the record of acme\.example.*set sp=quarantine at _dmarc\.acme\.example/,
      ],
      [
        "a malformed parent record is named where it is",
        (z) => (z["_dmarc.acme.example"]!.txt = ["v=DMARC1 p=reject"]),
        "fail",
        /record at _dmarc\.acme\.example is malformed/,
      ],
      [
        "neither has one",
        (z) => delete z["_dmarc.acme.example"],
        "fail",
        /mail\.acme\.example has no DMARC record: add a TXT record at _dmarc\.mail\.acme\.example/,
      ],
      [
        "the parent's look-up failed",
        (z) => (z["_dmarc.acme.example"] = { txt: null }),
        "warn",
        /_dmarc\.acme\.example could not be looked up/,
      ],
    ])("%s", async (_name, edit, expected, message) => {
      const c = await dmarcOf(sub(edit));
      expect(c.result).toBe(expected);
      expect(c.message).toMatch(message);
    });
  });

  it("matches IPv4 and IPv6 ranges", () => {
    expect(ipInRange("192.0.2.200", "192.0.2.0", 24)).toBe(true);
    expect(ipInRange("192.0.3.1", "192.0.2.0", 24)).toBe(false);
    expect(ipInRange("192.0.2.1", "192.0.2.1")).toBe(true);
    expect(ipInRange("2001:db8::1", "2001:db8::", 32)).toBe(true);
    expect(ipInRange("2001:db9::1", "2001:db8::", 32)).toBe(false);
    expect(ipInRange("::ffff:192.0.2.1", "::ffff:192.0.2.0", 120)).toBe(true);
    expect(ipInRange("192.0.2.1", "2001:db8::", 0)).toBe(false);
  });
});
