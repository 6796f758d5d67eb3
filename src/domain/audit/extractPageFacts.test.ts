import { describe, expect, it } from "vitest";
import { extractPageFacts } from "./extractPageFacts";

// Hand-written 2009-era markup: uppercase tags, unquoted and reordered attributes, a script and a
// comment that contain tag-like text, an SVG icon with its own <title>, a tracking pixel in <noscript>.
const messyHtml = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<!-- <title>Old title in a comment</title> <img src=old.gif> -->
<HTML Lang=de>
<HEAD>
<SCRIPT type="text/javascript">
  document.write("<title>Injected</title>"); var img = '<img src=a.gif>'; if (a < b && c > d) {}
</SCRIPT>
<STYLE>h1:before { content: "<h1>"; }</STYLE>
<TITLE>
   Bäckerei   Müller &ndash; Frisches Brot &amp; Kuchen
</TITLE>
<META CONTENT="width=device-width" NAME=viewport>
<meta content='Brot, Brötchen &amp; Kuchen aus Hamburg' name='Description'>
<meta name=ROBOTS content="index, follow">
<meta name="description" content="A second description is ignored">
<LINK REL="Canonical alternate" HREF="/de/">
</HEAD>
<BODY bgcolor=#ffffff>
<svg width=24 height=24><title>Menü-Icon</title><image href="icon.png"/></svg>
<H1 class=hero>Frisch <EM>gebacken</EM></H1>
<IMG SRC=/img/brot.jpg ALT="Brot">
<img alt="" src="/img/spacer.gif">
<img src=/img/torte.jpg>
<img
   src="/img/kuchen.jpg"
   ALT = "Kuchen"
>
<noscript><img height="1" width="1" src="https://www.facebook.com/tr?id=123&ev=PageView"></noscript>
<H2>Unser Sortiment</H2><h2>Kontakt</H2>
<A HREF=/sortiment>Sortiment</A>
<a class="x" href = "kontakt.html" >Kontakt</a>
<textarea><a href="/not-a-link">x</a></textarea>
</BODY></HTML>`;

describe("extractPageFacts", () => {
  it("reads messy real-world markup like a browser would", () => {
    const facts = extractPageFacts(messyHtml, "https://baeckerei-mueller.example/de/");
    expect(facts).toEqual({
      url: "https://baeckerei-mueller.example/de/",
      title: "Bäckerei Müller – Frisches Brot & Kuchen",
      description: "Brot, Brötchen & Kuchen aus Hamburg",
      viewport: "width=device-width",
      robots: "index, follow",
      generator: null,
      lang: "de",
      canonical: "https://baeckerei-mueller.example/de/",
      h1Count: 1,
      h2Count: 2,
      h1Texts: ["Frisch gebacken"],
      imageCount: 4,
      imagesWithoutAlt: 1,
      imagesWithoutAltSrc: ["/img/torte.jpg"],
      internalLinks: [
        "https://baeckerei-mueller.example/sortiment",
        "https://baeckerei-mueller.example/de/kontakt.html",
      ],
      externalLinks: [],
      socialLinks: [],
    });
  });

  it("resolves relative, absolute and protocol-relative links against the final URL", () => {
    const html = `<body>
      <a href="/pricing">1</a>
      <a href="../about">2</a>
      <a href="team">3</a>
      <a href="?page=2">4</a>
      <a href="//acme.example/careers">5</a>
      <a href="//cdn.example.net/brochure.pdf">6</a>
      <a href="HTTPS://WWW.ACME.EXAMPLE/Contact#form">7</a>
      <a href="/pricing#plans">dup</a>
      <a href="http://acme.example/pricing">dup, other scheme and host spelling</a>
      <a href="  /spaced  ">8</a>
      <a href="#top">skip</a> <a href="mailto:sales@acme.example">skip</a> <a href="tel:+15550100">skip</a>
      <a href="javascript:void(0)">skip</a> <a href="">skip</a> <a name="anchor">skip</a>
      <a href="https://github.com/acme">gh</a>
      <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Facme.example">share</a>
      <a href="https://twitter.com/intent/tweet?text=hi">tweet</a>
      <a href="https://youtu.be/dQw4w9WgXcQ">yt</a>
      <a href="https://instagram.com/acme.hq">ig</a>
      <a href="https://de.linkedin.com/company/acme">li</a>
      <a href="https://m.facebook.com/acme">fb</a>
    </body>`;
    const facts = extractPageFacts(html, "https://www.acme.example/blog/post-1?ref=x#intro");
    expect(facts.internalLinks).toEqual([
      "https://www.acme.example/pricing",
      "https://www.acme.example/about",
      "https://www.acme.example/blog/team",
      "https://www.acme.example/blog/post-1?page=2",
      "https://acme.example/careers",
      "https://www.acme.example/Contact",
      "https://www.acme.example/spaced",
    ]);
    expect(facts.externalLinks).toEqual([
      "https://cdn.example.net/brochure.pdf",
      "https://github.com/acme",
      "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Facme.example",
      "https://twitter.com/intent/tweet?text=hi",
      "https://youtu.be/dQw4w9WgXcQ",
      "https://instagram.com/acme.hq",
      "https://de.linkedin.com/company/acme",
      "https://m.facebook.com/acme",
    ]);
    expect(facts.socialLinks).toEqual([
      { network: "github", url: "https://github.com/acme" },
      { network: "youtube", url: "https://youtu.be/dQw4w9WgXcQ" },
      { network: "instagram", url: "https://instagram.com/acme.hq" },
      { network: "linkedin", url: "https://de.linkedin.com/company/acme" },
      { network: "facebook", url: "https://m.facebook.com/acme" },
    ]);
  });

  it("follows <base href> for links, wherever it appears, but not for the page URL", () => {
    const html = `<a href="docs/">Docs</a><head><base href="https://acme.example/en/"></head><a href="pricing">P</a>`;
    const facts = extractPageFacts(html, "https://acme.example/");
    expect(facts.url).toBe("https://acme.example/");
    expect(facts.internalLinks).toEqual(["https://acme.example/en/docs/", "https://acme.example/en/pricing"]);
  });

  it("counts title characters, not bytes or UTF-16 units", () => {
    const title = (t: string) => extractPageFacts(`<title>${t}</title>`, "https://x.example/").title;
    expect(title("Caf&eacute; &#x1F1E8;&#x1F1ED; Z&uuml;rich")).toBe("Café 🇨🇭 Zürich");
    expect(title("  \n ")).toBe("");
    expect(extractPageFacts("<p>no title</p>", "https://x.example/").title).toBeNull();
  });

  it("reads the h1 text of a logo heading from the image's alt", () => {
    const facts = extractPageFacts(
      `<h1><a href="/"><img src="/logo.png" alt="Acme Robotics"></a></h1><h1>Second<h1>Unclosed`,
      "https://acme.example/",
    );
    expect(facts.h1Count).toBe(3);
    expect(facts.h1Texts).toEqual(["Acme Robotics", "Second", "Unclosed"]);
  });

  it("copes with HTML the fetcher cut off mid-tag", () => {
    const html = `<html lang="en"><title>Truncated page</title><a href="/one">1</a><img src="/a.png"><a href="/tw`;
    const facts = extractPageFacts(html, "https://acme.example/");
    expect(facts).toMatchObject({
      title: "Truncated page",
      lang: "en",
      internalLinks: ["https://acme.example/one"],
      imageCount: 1,
    });
    expect(extractPageFacts(`<title>Cut off in the ti`, "https://acme.example/").title).toBe(
      "Cut off in the ti",
    );
    expect(extractPageFacts(`<script>var a = "<title>x</title>`, "https://acme.example/").title).toBeNull();
  });

  it("takes lang and metadata from the first occurrence only, and keeps an empty lang as missing", () => {
    const facts = extractPageFacts(
      `<html lang=" "><html lang="fr"><meta name="generator" content="Wix.com Website Builder"><meta name="generator" content="x">`,
      "https://acme.example/",
    );
    expect(facts.lang).toBeNull();
    expect(facts.generator).toBe("Wix.com Website Builder");
  });

  it("keeps only links it can resolve when the base URL is unusable", () => {
    const facts = extractPageFacts(`<a href="/rel">r</a><a href="https://other.example/">o</a>`, "not a url");
    expect(facts.internalLinks).toEqual([]);
    expect(facts.externalLinks).toEqual(["https://other.example/"]);
    expect(facts.url).toBe("not a url");
  });
});
