import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvLimits, type CsvRecord, CsvTokenizer } from "./csvTokenizer";

function tokenize(text: string, o: { delim?: string; chunk?: number; limits?: CsvLimits } = {}) {
  const t = new CsvTokenizer(o.delim ?? ",", o.limits);
  const out: CsvRecord[] = [];
  const size = o.chunk ?? text.length;
  for (let i = 0; i < text.length; i += size) out.push(...t.push(text.slice(i, i + size)));
  out.push(...t.end());
  return out;
}

const quoteCell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

describe("CsvTokenizer", () => {
  it("reads quoted values with delimiters, doubled quotes and line breaks as one row", () => {
    expect(tokenize('a,b\r\n"x, y","say ""hi""\r\nthere"\r\n3,\n')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"\r\nthere'] },
      { line: 3, cells: ["3", ""] },
    ]);
  });

  it("keeps a quote inside an unquoted value, and text after a closing quote with a warning", () => {
    expect(tokenize('h,w\n5\'10",x\n"ab"cd,e\n')).toEqual([
      { line: 1, cells: ["h", "w"] },
      { line: 2, cells: ["5'10\"", "x"] },
      { line: 3, cells: ["abcd", "e"], warnings: ["column 1: text after a closing quote was kept"] },
    ]);
  });

  it("reports an unclosed quote on the row where it opened and reads on from the next line", () => {
    const lines = ["email,note", "a@x.io,ok"];
    lines.push('b@x.io,"never closed');
    for (let i = 0; i < 150; i++) lines.push(`c${i}@x.io,fine`);
    const rows = tokenize(lines.join("\n") + "\n", { chunk: 50 });
    expect(rows).toHaveLength(153);
    expect(rows[2]).toEqual({
      line: 3,
      cells: ["b@x.io", '"never closed'],
      problem:
        "a quote opened on this line is never closed; the line was skipped and reading went on with the next one",
    });
    expect(rows.filter((r) => r.problem)).toHaveLength(1);
    expect(rows[152]).toEqual({ line: 153, cells: ["c149@x.io", "fine"] });
  });

  it("an unclosed quote near the end of the file loses only its own line", () => {
    const rows = tokenize('a,b\n1,"open\n2,two\n3,three');
    expect(rows.map((r) => [r.line, r.cells, !!r.problem])).toEqual([
      [1, ["a", "b"], false],
      [2, ["1", '"open'], true],
      [3, ["2", "two"], false],
      [4, ["3", "three"], false],
    ]);
  });

  it("an unclosed quote that meets a later quote is still caught", () => {
    const rows = tokenize('a,b\n1,"broken\n2,x"y\n3,z\n');
    expect(rows.map((r) => [r.line, r.cells[0], !!r.problem])).toEqual([
      [1, "a", false],
      [2, "1", true],
      [3, "2", false],
      [4, "3", false],
    ]);
  });

  it("a quoted value longer than the limit is taken for an unclosed quote", () => {
    const rows = tokenize(`a\n"${"x".repeat(50)}"\nb\n`, {
      limits: { maxQuotedLineBreaks: 5, maxQuotedChars: 20 },
    });
    expect(rows.map((r) => !!r.problem)).toEqual([false, true, false]);
  });

  it("any delimiter, a last line without a line break, blank lines kept as rows", () => {
    expect(tokenize("a;b\n\n1;2", { delim: ";" })).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: [""] },
      { line: 3, cells: ["1", "2"] },
    ]);
  });

  it("gives the same rows whatever the chunk size (property)", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "é", ",", '"', "\n", "\r\n", " ", "x"),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (table, chunk) => {
          // A last row of one empty cell is a trailing line break, which CSV cannot tell from none.
          const last = table[table.length - 1]!;
          fc.pre(!(last.length === 1 && last[0] === ""));
          const text = table.map((r) => r.map(quoteCell).join(",")).join("\r\n");
          const rows = tokenize(text, { chunk });
          expect(rows.map((r) => r.cells)).toEqual(table);
          expect(rows.every((r) => !r.problem)).toBe(true);
        },
      ),
    );
  });
});
