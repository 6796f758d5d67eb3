import { describe, expect, it } from "vitest";
import { auditSite } from "./auditSite";
import type { AuditObservations } from "./auditTypes";

// A well-kept small-business homepage, as a WordPress site would serve it.
const goodHtml = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Northwind Logistics — Same-day freight across the UK</title>
  <meta name="description" content="Northwind moves pallets and parcels between 40 UK depots the same day, with live tracking and a named account manager for every customer.">
  <link rel="canonical" href="https://www.northwind.example/">
  <meta name="generator" content="WordPress 6.5.2">
  <link rel="stylesheet" href="/wp-content/themes/northwind/style.css">
  <script async src="https://www.googletagmanager.com/gtag/js?id=G-N0RTHW1ND"></script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
</head>
<body class="home page-template-default">
  <header>
    <a href="/" class="logo"><img src="/img/logo.svg" alt="Northwind Logistics" width="160" height="40"></a>
    <nav>
      <a href="/services/">Services</a>
      <a href="/services/pallets">Pallets</a>
      <a href="/pricing">Pricing</a>
      <a href="/about">About us</a>
      <a href="/contact">Contact</a>
    </nav>
  </header>
  <main>
    <h1>Same-day freight, tracked to the minute</h1>
    <img src="/img/hero.jpg" alt="A Northwind lorry at the Leeds depot">
    <h2>Why Northwind</h2>
    <img src="/img/divider.svg" alt="">
    <h2>Get a quote</h2>
    <a href="https://app.northwind.example/login">Customer login</a>
  </main>
  <footer>
    <a href="https://www.linkedin.com/company/northwind-logistics/">LinkedIn</a>
    <a href="https://x.com/northwind">X</a>
    <a href="mailto:hello@northwind.example">hello@northwind.example</a>
    <a href="tel:+441130000000">0113 000 0000</a>
  </footer>
</body>
</html>`;

const good: AuditObservations = {
  requestedUrl: "http://northwind.example",
  finalUrl: "https://www.northwind.example/",
  redirects: [
    { from: "http://northwind.example", to: "https://northwind.example/", status: 301 },
    { from: "https://northwind.example/", to: "https://www.northwind.example/", status: 301 },
  ],
  fetchError: null,
  status: 200,
  responseMs: 320,
  html: goodHtml,
  bytes: 14_200,
  headers: {
    "content-type": "text/html; charset=UTF-8",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
  },
  internalLinksChecked: [
    { url: "https://www.northwind.example/services/", status: 200, error: null },
    { url: "https://www.northwind.example/pricing", status: 200, error: null },
    { url: "https://www.northwind.example/about", status: 200, error: null },
    { url: "https://www.northwind.example/contact", status: 403, error: null }, // WAF, not broken
  ],
  dns: {
    spf: ["google-site-verification=q8Xz", '"v=spf1 include:_spf.google.com ~all"'],
    dmarc: ["v=DMARC1; p=quarantine; rua=mailto:dmarc@northwind.example"],
    mx: ["aspmx.l.google.com", "alt1.aspmx.l.google.com"],
  },
};

// A neglected tradesman's site: plain HTTP, a redirect maze, a staging noindex left behind.
const badHtml = `<html>
<head>
<meta name="generator" content="Joomla! - Open Source Content Management">
<meta name="robots" content="noindex, nofollow">
<title>Home</title>
<link href="/templates/bobs/css/template.css" rel="stylesheet">
</head>
<body>
<table width="960"><tr><td>
<img src="/images/banner.jpg">
<h2>Welcome to Bob's Plumbing!!!</h2>
<img src="/images/van.jpg"><img src="/images/bob.jpg"><img src="/images/gas-safe.png" alt="Gas Safe registered">
<h2>Services</h2>
<a href="/services">Services</a> | <a href="/contact">Contact</a> | <a href="/gallery">Gallery</a>
<a href="https://www.facebook.com/bobsplumbing">Facebook</a>
</td></tr></table>
</body>
</html>`;

const bad: AuditObservations = {
  requestedUrl: "http://bobs-plumbing.example",
  finalUrl: "http://www.bobs-plumbing.example/index.php",
  redirects: [
    { from: "http://bobs-plumbing.example", to: "http://www.bobs-plumbing.example/", status: 301 },
    { from: "http://www.bobs-plumbing.example/", to: "http://www.bobs-plumbing.example/home", status: 302 },
    {
      from: "http://www.bobs-plumbing.example/home",
      to: "http://www.bobs-plumbing.example/index.php",
      status: 302,
    },
  ],
  fetchError: null,
  status: 200,
  responseMs: 2340,
  html: badHtml,
  bytes: 600_000, // inline base64 images in the real page; our copy is trimmed
  headers: { "content-type": "text/html" },
  internalLinksChecked: [
    { url: "http://www.bobs-plumbing.example/services", status: 200, error: null },
    { url: "http://www.bobs-plumbing.example/contact", status: 404, error: null },
    { url: "http://www.bobs-plumbing.example/gallery", status: null, error: "timeout after 10 s" },
  ],
  httpsProbe: { url: "https://bobs-plumbing.example/", status: null, error: "CERT_HAS_EXPIRED" },
  dns: { spf: [], dmarc: [], mx: ["mail.bobs-plumbing.example"] },
};

const codes = (o: AuditObservations) => auditSite(o).findings.map((f) => f.code);
const finding = (o: AuditObservations, code: string) => auditSite(o).findings.find((f) => f.code === code);

describe("auditSite", () => {
  it("gives a well-kept site an A with nothing to report", () => {
    const result = auditSite(good);
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ grade: "A", score: 100, topIssue: null });
    expect(result.facts?.title).toBe("Northwind Logistics — Same-day freight across the UK");
    expect(result.facts?.generator).toBe("WordPress 6.5.2");
    expect(result.facts?.socialLinks.map((s) => s.network)).toEqual(["linkedin", "x"]);
  });

  it("lists every problem of a neglected site, most severe first, and leads with the worst", () => {
    const result = auditSite(bad);
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([
      ["major", "no-https"],
      ["major", "slow-response"],
      ["major", "noindex"],
      ["major", "viewport-missing"],
      ["major", "broken-links"],
      ["major", "spf-missing"],
      ["major", "dmarc-missing"],
      ["minor", "redirect-chain"],
      ["minor", "title-short"],
      ["minor", "description-missing"],
      ["minor", "h1-missing"],
      ["minor", "lang-missing"],
      ["minor", "images-missing-alt"],
      ["minor", "heavy-page"],
    ]);
    // 7 majors × 12 + 7 minors × 3 = 105 points lost, clamped at 0.
    expect(result).toMatchObject({ grade: "F", score: 0, topIssue: "No HTTPS" });
    expect(result.findings.reduce((sum, f) => sum + f.penalty, 0)).toBe(105);
  });

  it("names the evidence in each detail", () => {
    const byCode = Object.fromEntries(auditSite(bad).findings.map((f) => [f.code, f]));
    expect(byCode["title-short"].detail).toBe(
      "The title is 4 characters long (“Home”); aim for 30–60 so it says what the company does.",
    );
    expect(byCode["no-https"].detail).toBe(
      "The site is served over plain HTTP (http://www.bobs-plumbing.example/index.php); browsers mark it “Not secure” and form data travels unencrypted. https://bobs-plumbing.example/ failed too (CERT_HAS_EXPIRED).",
    );
    expect(byCode["slow-response"].detail).toContain("took 2.3 s to answer");
    expect(byCode["broken-links"].detail).toBe(
      "2 of 3 checked internal links are broken: /contact (404) and /gallery (timeout after 10 s).",
    );
    expect(byCode["broken-links"].evidence).toBe(
      "404 http://www.bobs-plumbing.example/contact\ntimeout after 10 s http://www.bobs-plumbing.example/gallery",
    );
    expect(byCode["images-missing-alt"].detail).toContain(
      "3 of 4 images (75%) have no alt attribute, so screen readers skip them",
    );
    expect(byCode["images-missing-alt"].detail).toContain(
      "e.g. /images/banner.jpg, /images/van.jpg and /images/bob.jpg.",
    );
    expect(byCode["redirect-chain"].evidence).toBe(
      "http://bobs-plumbing.example → (301) http://www.bobs-plumbing.example/ → (302) http://www.bobs-plumbing.example/home → (302) http://www.bobs-plumbing.example/index.php",
    );
    expect(byCode["heavy-page"].detail).toContain("weighs 586 KB");
    expect(byCode.noindex.evidence).toBe('<meta name="robots" content="noindex, nofollow">');
    expect(byCode["h1-missing"].detail).toContain("(it has 2 <h2>s)");
    expect(byCode["spf-missing"]).toMatchObject({
      severity: "major",
      evidence: "(no TXT records)",
      detail: expect.stringContaining("No TXT record at bobs-plumbing.example starts with v=spf1"),
    });
    expect(byCode["dmarc-missing"].detail).toContain("_dmarc.bobs-plumbing.example");
  });

  it("grades an unreachable site F, whatever its DNS says", () => {
    const down: AuditObservations = {
      ...good,
      requestedUrl: "http://acme-old.example",
      finalUrl: null,
      redirects: [],
      fetchError: "getaddrinfo ENOTFOUND acme-old.example",
      status: null,
      responseMs: null,
      html: null,
      bytes: null,
      headers: {},
      internalLinksChecked: [],
      dns: { spf: null, dmarc: null, mx: null },
    };
    const result = auditSite(down);
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([
      ["critical", "unreachable"],
      ["info", "dns-lookup-failed"],
    ]);
    expect(result.findings[0].detail).toBe(
      "Loading http://acme-old.example failed: the domain name does not resolve. Visitors and search engines see nothing.",
    );
    expect(result.findings[0].evidence).toBe("getaddrinfo ENOTFOUND acme-old.example");
    expect(result.findings[1].detail).toBe(
      "Looking up the SPF (TXT), DMARC and MX records of acme-old.example failed, so those checks were skipped.",
    );
    expect(result).toMatchObject({ grade: "F", score: 49, topIssue: "Website unreachable", facts: null });

    const timeout = auditSite({ ...down, fetchError: "timeout after 10 s", dns: good.dns });
    expect(timeout.findings.map((f) => f.code)).toEqual(["unreachable"]);
    expect(timeout.findings[0].detail).toContain("the server did not answer in time");
    expect(timeout.grade).toBe("F");
  });

  it("does not audit the content of an error page", () => {
    const result = auditSite({ ...bad, status: 503, responseMs: 200, internalLinksChecked: [] });
    expect(result.findings.map((f) => f.code)).toEqual([
      "http-status",
      "no-https",
      "spf-missing",
      "dmarc-missing",
      "redirect-chain",
    ]);
    expect(result.findings[0]).toMatchObject({
      severity: "critical",
      title: "Homepage returns HTTP 503",
      detail:
        "http://www.bobs-plumbing.example/index.php answered HTTP 503 (Service Unavailable), so visitors get an error page instead of the site.",
    });
    expect(result).toMatchObject({ grade: "F", topIssue: "Homepage returns HTTP 503", facts: null });
  });

  it("treats a 403 as a firewall problem rather than a dead site", () => {
    const result = auditSite({ ...good, status: 403 });
    expect(result.findings.map((f) => [f.severity, f.code])).toEqual([["major", "http-status"]]);
    expect(result).toMatchObject({
      grade: "B",
      score: 88,
      topIssue: "Homepage refuses automated visits (HTTP 403)",
    });
  });

  it("tells HTTPS-less sites from sites that merely don't redirect, and catches downgrades", () => {
    const plain = { ...good, finalUrl: "http://northwind.example/", redirects: [], headers: {} };
    expect(codes(plain)).toEqual(["no-https"]);
    const withHttps = {
      ...plain,
      httpsProbe: { url: "https://northwind.example/", status: 200, error: null },
    };
    expect(codes(withHttps)).toEqual(["no-https-redirect"]);
    expect(finding(withHttps, "no-https-redirect")?.detail).toBe(
      "https://northwind.example/ works, but http://northwind.example/ stays on plain HTTP instead of redirecting there, so links and older browsers land on the “Not secure” version.",
    );
    const downgrade = { ...plain, requestedUrl: "https://northwind.example/" };
    expect(finding(downgrade, "no-https")?.detail).toMatch(
      /^https:\/\/northwind\.example\/ redirects to plain HTTP \(http:\/\/northwind\.example\/\)/,
    );
  });

  it("reports a missing or disabled HSTS header only on HTTPS", () => {
    expect(codes({ ...good, headers: {} })).toEqual(["hsts-missing"]);
    const off = finding({ ...good, headers: { "strict-transport-security": "max-age=0" } }, "hsts-missing");
    expect(off?.detail).toContain("max-age=0");
    expect(off?.evidence).toBe("strict-transport-security: max-age=0");
  });

  it("applies the response-time thresholds strictly above 800 ms and 1.5 s", () => {
    const at = (responseMs: number) => finding({ ...good, responseMs }, "slow-response")?.severity ?? null;
    expect([at(800), at(801), at(1500), at(1501)]).toEqual([null, "minor", "minor", "major"]);
  });

  it("weighs the HTML document against 500 KB and 2 MB", () => {
    const at = (bytes: number) => finding({ ...good, bytes }, "heavy-page")?.severity ?? null;
    expect([at(512_000), at(512_001), at(2_097_152), at(2_097_153)]).toEqual([
      null,
      "minor",
      "minor",
      "major",
    ]);
    // Without a reported size, the UTF-8 size of the body counts: multi-byte characters weigh more.
    const heavy = { ...good, bytes: null, html: goodHtml + `<!-- ${"ü".repeat(260_000)} -->` };
    expect(finding(heavy, "heavy-page")?.detail).toMatch(/^The HTML document alone weighs 5\d\d KB/);
  });

  it("counts title and description length in characters against 30–60 and 70–160", () => {
    const withHead = (title: string, description: string) => ({
      ...good,
      html: goodHtml
        .replace(/<title>.*<\/title>/, `<title>${title}</title>`)
        .replace(/name="description" content="[^"]*"/, `name="description" content="${description}"`),
    });
    const titleCodes = (title: string) => codes(withHead(title, "d".repeat(100)));
    expect([29, 30, 60, 61].map((n) => titleCodes("t".repeat(n)))).toEqual([
      ["title-short"],
      [],
      [],
      ["title-long"],
    ]);
    const descriptionCodes = (d: string) => codes(withHead("t".repeat(40), d));
    expect([69, 70, 160, 161].map((n) => descriptionCodes("d".repeat(n)))).toEqual([
      ["description-short"],
      [],
      [],
      ["description-long"],
    ]);
    // 31 Japanese characters are 93 bytes of UTF-8 but a fine title.
    expect(titleCodes("東京の不動産会社｜株式会社サンプル商事グループ本社ホームページ")).toEqual([]);
    expect(finding(withHead("Bäckerei Müller", "d".repeat(100)), "title-short")?.detail).toBe(
      "The title is 15 characters long (“Bäckerei Müller”); aim for 30–60 so it says what the company does.",
    );
    expect(codes(withHead("", "d".repeat(100)))).toEqual(["title-missing"]);
    expect(codes(withHead("t".repeat(40), ""))).toEqual(["description-missing"]);
  });

  it("reports noindex from the X-Robots-Tag header too", () => {
    const hidden = { ...good, headers: { ...good.headers, "x-robots-tag": "googlebot: noindex" } };
    expect(finding(hidden, "noindex")).toMatchObject({
      severity: "major",
      evidence: "X-Robots-Tag: googlebot: noindex",
    });
    const preview = { ...good, headers: { ...good.headers, "x-robots-tag": "max-image-preview:none" } };
    expect(codes(preview)).toEqual([]);
  });

  it("mentions several h1s without costing points", () => {
    const twoH1 = {
      ...good,
      html: goodHtml.replace("<h2>Why Northwind</h2>", "<h1>Why <b>Northwind</b></h1>"),
    };
    const result = auditSite(twoH1);
    expect(result.findings.map((f) => [f.code, f.penalty])).toEqual([["h1-multiple", 0]]);
    expect(result.findings[0].detail).toBe(
      "The page has 2 <h1> headings (“Same-day freight, tracked to the minute” and “Why Northwind”); a single main heading makes the page's topic clearer.",
    );
    expect(result).toMatchObject({ grade: "A", score: 100, topIssue: null });
  });

  it("checks the mail domain: several SPF records, DMARC p=none, null MX", () => {
    const dns = (d: Partial<AuditObservations["dns"]>) => ({ ...good, dns: { ...good.dns, ...d } });
    expect(
      codes(dns({ spf: ["v=spf1 include:_spf.google.com ~all", "v=spf1 include:sendgrid.net ~all"] })),
    ).toEqual(["spf-multiple"]);
    expect(
      finding(dns({ dmarc: ['"v=DMARC1; p=none; rua=mailto:d@northwind.example"'] }), "dmarc-none"),
    ).toMatchObject({ severity: "minor", evidence: "v=DMARC1; p=none; rua=mailto:d@northwind.example" });
    expect(finding(dns({ dmarc: ["v=DMARC1; rua=mailto:d@x.example"] }), "dmarc-none")?.detail).toContain(
      "has no valid p= policy",
    );
    expect(codes(dns({ dmarc: ["v=DMARC1; p=reject", "v=DMARC1; p=none"] }))).toEqual(["dmarc-multiple"]);
    // A chunked TXT record is one record.
    expect(codes(dns({ spf: ['"v=spf1 include:_spf.google.com" " include:mailgun.org ~all"'] }))).toEqual([]);
    expect(codes(dns({ mx: [] }))).toEqual(["mx-missing"]);
    expect(finding(dns({ mx: ["."] }), "mx-missing")?.detail).toContain("publishes a null MX");
    expect(codes(dns({ dmarc: null }))).toEqual(["dns-lookup-failed"]);
  });

  it("loses the A with one major issue or four minor ones", () => {
    expect(auditSite({ ...good, html: goodHtml.replace(/<meta name="viewport"[^>]*>/, "") })).toMatchObject({
      grade: "B",
      score: 88,
      topIssue: "Not optimised for mobile",
    });
    const threeMinor = {
      ...good,
      responseMs: 900,
      headers: {},
      dns: { ...good.dns, dmarc: ["v=DMARC1; p=none"] },
    };
    expect(auditSite(threeMinor)).toMatchObject({ grade: "A", score: 91, topIssue: "Slow server response" });
    const fourMinor = { ...threeMinor, html: goodHtml.replace(' lang="en-GB"', "") };
    expect(auditSite(fourMinor)).toMatchObject({ grade: "B", score: 88 });
  });

  it("is deterministic and does not modify its input", () => {
    const copy = structuredClone(bad);
    expect(auditSite(bad)).toEqual(auditSite(copy));
    expect(copy).toEqual(bad);
    expect(JSON.parse(JSON.stringify(auditSite(bad)))).toEqual(auditSite(bad));
  });
});
