/** The address in `Name <a@b>`, `a@b (Name)` or `"a@b" <c@d>`, lower-cased: the bracketed one wins. */
export function addressOf(value: string | null | undefined): string {
  const v = (value ?? "").slice(0, 2000);
  const bracketed = [...v.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].pop()?.[1];
  const bare = v.replace(/"[^"]*"|\([^()]*\)/g, " ").match(/[^\s<>,;:"]+@[^\s<>,;:"]+/)?.[0];
  return (bracketed ?? bare ?? "").toLowerCase();
}
