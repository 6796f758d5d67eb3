/**
 * Makes the cells of a row storable and says what changed: PostgreSQL text cannot hold NUL, so
 * NUL characters are removed; bytes that were not valid in the file's encoding were decoded as
 * U+FFFD, which is kept (the rest of the value is good) and reported so the person can check.
 */
export function cleanCells(cells: string[], encodingLabel: string): { cells: string[]; warnings: string[] } {
  const warnings: string[] = [];
  let nul = false;
  let invalid = false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.includes("\u0000")) {
      cells[i] = c.replaceAll("\u0000", "");
      nul = true;
    }
    if (!invalid && c.includes("\uFFFD")) invalid = true;
  }
  if (nul) warnings.push("NUL characters were removed");
  if (invalid) warnings.push(`some bytes are not valid ${encodingLabel} and show as �`);
  return { cells, warnings };
}
