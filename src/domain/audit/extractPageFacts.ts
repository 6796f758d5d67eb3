import { type SocialNetwork, socialNetworkOf } from "./socialNetworkOf";
import { collapseWhitespace, shorten } from "./textUtils";
import { tokenizeHtml } from "./tokenizeHtml";

export type PageFacts = {
  /** The page URL links were resolved against (a <base href> in the page takes precedence for links). */
  url: string;
  /** First <title> outside SVG, whitespace collapsed; "" when empty, null when absent. */
  title: string | null;
  /** The first meta tags by name; "" when present without content, null when absent. */
  description: string | null;
  viewport: string | null;
  robots: string | null;
  generator: string | null;
  /** <html lang>, trimmed; null when absent or empty. */
  lang: string | null;
  /** <link rel="canonical"> resolved to an absolute URL. */
  canonical: string | null;
  h1Count: number;
  h2Count: number;
  /** Text of each <h1> (an image's alt counts: logos in headings are common). */
  h1Texts: string[];
  imageCount: number;
  /** Images with no alt attribute at all; alt="" is a correct marker for decorative images. */
  imagesWithoutAlt: number;
  /** The src of each image without alt, shortened (data: URIs can be huge). */
  imagesWithoutAltSrc: string[];
  /**
   * Absolute http(s) URLs on this site (www. or not), without fragments, in page order; one per page
   * (the first spelling wins when http/https or www./apex variants of the same page are linked).
   */
  internalLinks: string[];
  /** Absolute http(s) URLs on other hosts, same normalisation. */
  externalLinks: string[];
  /** Profile links among the external links, in page order. */
  socialLinks: { network: SocialNetwork; url: string }[];
};

function parseUrl(href: string, base?: URL | null): URL | null {
  try {
    return base === null ? new URL(href) : new URL(href, base);
  } catch {
    return null;
  }
}

/** acme.com and www.acme.com are one site: a link between them is internal. */
export function siteHost(url: URL): string {
  return url.host.toLowerCase().replace(/^www\./, "");
}

/**
 * One key per page of the site: http/https, www./apex and fragments all lead to the same page, so
 * internal links are deduplicated (and the homepage recognised) by this.
 */
export function pageKey(url: URL): string {
  return `${siteHost(url)}${url.pathname}${url.search}`;
}

/** The absolute, fragment-free http(s) URL an href points at, or null (mailto:, tel:, "#top", junk). */
function linkTarget(href: string, base: URL | null): URL | null {
  const raw = href.trim();
  if (raw === "" || raw.startsWith("#")) return null;
  const url = parseUrl(raw, base);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  url.hash = "";
  return url;
}

export function extractPageFacts(html: string, baseUrl: string): PageFacts {
  const tokens = tokenizeHtml(html);
  const page = parseUrl(baseUrl, null);
  // The first <base href> applies to every link in the document, including ones before it.
  const baseTag = tokens.find((t) => t.kind === "start" && t.name === "base" && t.attrs.has("href"));
  const linkBase =
    (baseTag?.kind === "start" ? parseUrl(baseTag.attrs.get("href")!.trim(), page) : null) ?? page;

  const facts: PageFacts = {
    url: page?.href ?? baseUrl,
    title: null,
    description: null,
    viewport: null,
    robots: null,
    generator: null,
    lang: null,
    canonical: null,
    h1Count: 0,
    h2Count: 0,
    h1Texts: [],
    imageCount: 0,
    imagesWithoutAlt: 0,
    imagesWithoutAltSrc: [],
    internalLinks: [],
    externalLinks: [],
    socialLinks: [],
  };
  const seen = new Set<string>();
  let sawHtmlTag = false;
  let h1Text: string | null = null; // text of the <h1> being read, if any
  const closeH1 = () => {
    if (h1Text !== null) facts.h1Texts.push(collapseWhitespace(h1Text));
    h1Text = null;
  };

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === "text") {
      if (h1Text !== null) h1Text += t.text;
      continue;
    }
    if (t.kind === "end") {
      if (t.name === "h1") closeH1();
      continue;
    }
    if (t.foreign) continue;
    const attr = (name: string) => t.attrs.get(name) ?? null;

    switch (t.name) {
      case "html":
        if (!sawHtmlTag) facts.lang = attr("lang")?.trim() || null;
        sawHtmlTag = true;
        break;
      case "title":
        if (facts.title === null) {
          const body = tokens[k + 1];
          facts.title = body?.kind === "text" ? collapseWhitespace(body.text) : "";
        }
        break;
      case "meta": {
        const name = attr("name")?.trim().toLowerCase();
        const content = collapseWhitespace(attr("content") ?? "");
        if (name === "description" && facts.description === null) facts.description = content;
        if (name === "viewport" && facts.viewport === null) facts.viewport = content;
        if (name === "robots" && facts.robots === null) facts.robots = content;
        if (name === "generator" && facts.generator === null) facts.generator = content;
        break;
      }
      case "link": {
        const rel = (attr("rel") ?? "").toLowerCase().split(/[\t\n\f\r ]+/);
        const href = attr("href");
        if (rel.includes("canonical") && href !== null && facts.canonical === null) {
          facts.canonical = parseUrl(href.trim(), linkBase)?.href ?? null;
        }
        break;
      }
      case "h1":
        closeH1(); // an unclosed previous <h1> ends here
        facts.h1Count++;
        h1Text = "";
        break;
      case "h2":
        facts.h2Count++;
        break;
      case "img": {
        facts.imageCount++;
        const alt = attr("alt");
        if (alt === null) {
          facts.imagesWithoutAlt++;
          facts.imagesWithoutAltSrc.push(shorten(attr("src")?.trim() || "(no src)", 100));
        } else if (h1Text !== null) {
          h1Text += ` ${alt} `;
        }
        break;
      }
      case "a": {
        const href = attr("href");
        const target = href === null ? null : linkTarget(href, linkBase);
        if (!target) break;
        const internal = page !== null && siteHost(target) === siteHost(page);
        const key = internal ? pageKey(target) : target.href;
        if (seen.has(key)) break;
        seen.add(key);
        if (internal) {
          facts.internalLinks.push(target.href);
        } else {
          facts.externalLinks.push(target.href);
          const network = socialNetworkOf(target);
          if (network) facts.socialLinks.push({ network, url: target.href });
        }
        break;
      }
    }
  }
  closeH1();
  return facts;
}
