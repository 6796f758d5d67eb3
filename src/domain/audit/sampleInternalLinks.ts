import { type PageFacts, pageKey } from "./extractPageFacts";

function keyOf(href: string): string | null {
  try {
    return pageKey(new URL(href));
  } catch {
    return null;
  }
}

/** "/products/a" and "/products/b" are one section; "/" is its own. */
function sectionOf(href: string): string {
  try {
    return new URL(href).pathname.split("/")[1]?.toLowerCase() ?? "";
  } catch {
    return "";
  }
}

/**
 * Which internal links the fetcher should check, at most `max`. Deterministic (no randomness, so a
 * re-run audits the same pages) and spread out: first one link per top-level section in page order,
 * so a 40-item product menu doesn't crowd out /contact and /pricing, then the rest in page order.
 * The page itself (under any www./fragment variant) is left out: it was already fetched.
 */
export function sampleInternalLinks(facts: PageFacts, max: number): string[] {
  const limit = Math.floor(max);
  if (!(limit > 0)) return [];
  const self = keyOf(facts.url);
  const candidates = facts.internalLinks.filter((href) => keyOf(href) !== self);
  const picked: string[] = [];
  const sections = new Set<string>();
  for (const href of candidates) {
    if (picked.length >= limit) return picked;
    const section = sectionOf(href);
    if (sections.has(section)) continue;
    sections.add(section);
    picked.push(href);
  }
  for (const href of candidates) {
    if (picked.length >= limit) break;
    if (!picked.includes(href)) picked.push(href);
  }
  return picked;
}
