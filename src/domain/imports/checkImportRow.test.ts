import { describe, expect, it } from "vitest";
import { checkImportRow, columnLetter } from "./checkImportRow";
import { matchColumns } from "./matchColumns";

const header = ["Email", "First Name", "Headline", "Notes"];
const mapping = matchColumns(header);

describe("checkImportRow", () => {
  it("names spreadsheet columns as Excel does", () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
  });

  it("cuts a value to its field's limit and says where, with the length it had", () => {
    const v = checkImportRow(header, mapping, {
      cells: ["a@x.io", "Ada", "h".repeat(100_000), "n".repeat(2500)],
    });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.lead.headline).toHaveLength(300);
    expect(v.lead.customFields.notes).toHaveLength(2000);
    expect(v.warnings).toEqual([
      'column D "Notes" was cut to 2,000 characters (it had 2,500)',
      'column C "Headline" was cut to 300 characters (it had 100,000)',
    ]);
  });

  it("refuses a row with more values than the header unless the extra ones are empty", () => {
    expect(checkImportRow(header, mapping, { cells: ["a@x.io", "Ada", "CTO", "", "oops"] })).toEqual({
      ok: false,
      reason:
        "this row has 5 values but the header has 4 columns (a value with the delimiter in it and no quotes?)",
      warnings: [],
    });
    const v = checkImportRow(header, mapping, { cells: ["a@x.io", "Ada", "CTO", "", "", " "] });
    expect(v.ok && v.warnings).toEqual(["2 empty values past the last column ignored"]);
  });

  it("imports a short row and says which columns were missing", () => {
    const v = checkImportRow(header, mapping, { cells: ["a@x.io", "Ada"] });
    expect(v.ok && v.warnings).toEqual(["this row has 2 of 4 columns; the missing ones are empty"]);
  });

  it("passes on what reading found: a broken line is refused with its reason, removed characters are a warning", () => {
    expect(checkImportRow(header, mapping, { cells: ['"x'], problem: "a quote is never closed" })).toEqual({
      ok: false,
      reason: "a quote is never closed",
      warnings: [],
    });
    const v = checkImportRow(header, mapping, {
      cells: ["a@x.io", "Ada", "", ""],
      warnings: ["NUL characters were removed"],
    });
    expect(v.ok && v.warnings).toEqual(["NUL characters were removed"]);
  });
});
