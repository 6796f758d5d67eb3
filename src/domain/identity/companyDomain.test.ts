import { describe, expect, it } from "vitest";
import { companyDomainOf, hostOf } from "./companyDomain";
import { isFreeMailDomain } from "./isFreeMailDomain";
import { validateLeadRow } from "../imports/validateLeadRow";

describe("companyDomainOf", () => {
  it.each([
    ["acme.com", "acme.com"],
    ["ACME.com", "acme.com"],
    ["www.acme.co.uk", "acme.co.uk"],
    ["acme.co.uk", "acme.co.uk"],
    ["eu.acme.com.au", "acme.com.au"],
    ["https://WWW.Acme.com/about?x=1#team", "acme.com"],
    ["https://user:pw@shop.acme.de:8443/x", "acme.de"],
    ["acme.com/path?q=1", "acme.com"],
    ["jo@mail.acme.co.uk", "acme.co.uk"],
    ["Jo.Smith@ACME.COM", "acme.com"],
    ["mailto:jo@acme.io", "acme.io"],
    ["<jo@acme.io>", "acme.io"],
    ["@acme.com", "acme.com"],
    ["*.acme.com", "acme.com"],
    ["www2.acme.com", "acme.com"],
    ["acme.com.", "acme.com"],
    ["acme.co.uk.", "acme.co.uk"],
    ["münchen.de", "xn--mnchen-3ya.de"],
    ["xn--mnchen-3ya.de", "xn--mnchen-3ya.de"],
    ["shop.bücher.de", "xn--bcher-kva.de"],
    ["acme.co.jp", "acme.co.jp"],
    ["tokyo.acme.co.jp", "acme.co.jp"],
    ["acme.com.br", "acme.com.br"],
    // A private-section suffix is a host's customers' space: the customer is the company.
    ["acme.netlify.app", "acme.netlify.app"],
    ["www.acme.github.io", "acme.github.io"],
    ["www.com", "www.com"],
    ["w.example", "w.example"],
    ["intranet.corp", "intranet.corp"],
  ])("%s → %s", (raw, domain) => expect(companyDomainOf(raw)).toBe(domain));

  it.each([
    "",
    "   ",
    null,
    undefined,
    "192.168.0.1",
    "10.0.0.1",
    "jo@[192.168.0.1]",
    "[::1]",
    "http://[2001:db8::1]/",
    "localhost",
    "acme",
    "acme..com",
    "not a domain",
    "co.uk",
  ])("%s names no company", (raw) => expect(companyDomainOf(raw)).toBeNull());

  it("keeps subdomains in the host (a blocklist entry may name one)", () => {
    expect(hostOf("https://www.eu.acme.com/")).toBe("eu.acme.com");
    expect(hostOf("jo@mail.acme.co.uk")).toBe("mail.acme.co.uk");
  });
});

describe("isFreeMailDomain", () => {
  it.each([
    // the domains: each was taken as a company
    "hotmail.fr",
    "yahoo.co.uk",
    "gmx.at",
    "t-online.de",
    "outlook.de",
    "live.co.uk",
    "orange.fr",
    // provider families in country variants and national providers
    "gmail.com",
    "googlemail.com",
    "Outlook.com",
    "hotmail.co.jp",
    "hotmail.com.br",
    "yahoo.com.br",
    "yahoo.co.jp",
    "yahoo.fr",
    "gmx.de",
    "gmx.net",
    "gmx.ch",
    "web.de",
    "free.fr",
    "laposte.net",
    "wanadoo.fr",
    "sfr.fr",
    "libero.it",
    "virgilio.it",
    "mail.ru",
    "bk.ru",
    "yandex.ru",
    "yandex.com.tr",
    "qq.com",
    "163.com",
    "126.com",
    "naver.com",
    "hanmail.net",
    "seznam.cz",
    "wp.pl",
    "icloud.com",
    "me.com",
    "proton.me",
    "protonmail.com",
    "tutanota.com",
    "fastmail.com",
    "comcast.net",
    "btinternet.com",
    "bigpond.com",
    "uol.com.br",
    "nyc.rr.com",
    "jo@hotmail.fr",
    "JO@YAHOO.CO.UK",
    "gmx.at.",
  ])("%s is free mail", (d) => expect(isFreeMailDomain(d)).toBe(true));

  it.each([
    "acme.com",
    "acme.co.uk",
    "eu.acme.com.au",
    "mail.acme.com",
    "yahoo.acme.com",
    "hotmail.acme.de",
    "gmail.co.acme.io",
    "microsoft.com",
    "google.com",
    "xn--mnchen-3ya.de",
    "192.168.0.1",
    "",
    null,
  ])("%s is not free mail", (d) => expect(isFreeMailDomain(d)).toBe(false));
});

describe("a lead's company domain as every write path derives it (validateLeadRow)", () => {
  it.each([
    [{ email: "jo@hotmail.fr" }, undefined],
    [{ email: "jo@yahoo.co.uk" }, undefined],
    [{ email: "jo@gmx.at" }, undefined],
    [{ email: "jo@t-online.de" }, undefined],
    [{ email: "jo@outlook.de" }, undefined],
    [{ email: "jo@live.co.uk" }, undefined],
    [{ email: "jo@orange.fr" }, undefined],
    [{ email: "jo@mail.acme.co.uk" }, "acme.co.uk"],
    [{ email: "jo@acme.com", companyDomain: "https://www.eu.acme.com.au/" }, "acme.com.au"],
  ])("%o → %s", (input, domain) => {
    const r = validateLeadRow(input);
    expect(r.ok && r.lead.companyDomain).toBe(r.ok ? domain : false);
    expect(r.ok).toBe(true);
  });
});

describe("a lead's timezone as every write path checks it", () => {
  it.each([
    ["europe/berlin", "Europe/Berlin", 0],
    ["Asia/Calcutta", "Asia/Kolkata", 0],
    ["Not/AZone", undefined, 1],
    ["CET+1", undefined, 1],
  ])("%s → %s", (timezone, zone, warnings) => {
    const r = validateLeadRow({ email: "jo@acme.com", timezone });
    expect(r.ok && r.lead.timezone).toBe(r.ok ? zone : false);
    expect(r.ok && r.warnings.filter((w) => w.includes("timezone")).length).toBe(warnings);
  });
});
