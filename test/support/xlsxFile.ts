import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";

const parts = (sheet: string, strings: string | null) => ({
  "[Content_Types].xml": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  ),
  "xl/workbook.xml": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hidden" sheetId="2" state="hidden" r:id="rId2"/><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  "xl/_rels/workbook.xml.rels": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
  ),
  // Excel writes the sheets before the shared strings, which is why a reader cannot stream a zip front to back.
  "xl/worksheets/sheet1.xml": strToU8(sheet),
  ...(strings ? { "xl/sharedStrings.xml": strToU8(strings) } : {}),
});

const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/**
 * A workbook shaped like Excel's own: shared strings (one with rich-text runs), an inline string,
 * a number, a boolean, an omitted empty cell, an empty row, entities and an _x000D_ escape.
 */
export function sampleXlsx(): Uint8Array {
  const strings =
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">' +
    "<si><t>Email</t></si><si><t>First Name</t></si><si><t>Company</t></si><si><t>Employees</t></si>" +
    '<si><r><t>Zo</t></r><r><rPr><b/></rPr><t xml:space="preserve">ë</t></r><rPh sb="0" eb="1"><t>ゾ</t></rPh></si>' +
    "<si><t>Smith &amp; Sons_x000D_</t></si></sst>";
  const rows =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>zoe@smith.io</t></is></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c><c r="D2"><v>42</v></c></row>' +
    '<row r="3"/>' +
    '<row r="5"><c r="A5" t="inlineStr"><is><t>no-name@smith.io</t></is></c><c r="D5" t="b"><v>1</v></c></row>';
  return zipSync(parts(sheetXml(rows), strings));
}

/** A zip bomb of `mb` megabytes of tiny rows: the first rows read like a sheet, the rest is the bomb. */
export async function xlsxRowBomb(mb: number): Promise<Uint8Array> {
  return bombOf(
    mb,
    '<row><c t="inlineStr"><is><t>head</t></is></c></row><row><c t="inlineStr"><is><t>x@bomb.io</t></is></c></row>',
    '<row r="3"/>',
  );
}

/** A zip bomb: about 1 KB per MB, one cell of `mb` megabytes of "x" (deflate's best case, ~1,030:1). */
export async function xlsxBomb(mb: number): Promise<Uint8Array> {
  return bombOf(mb, '<row r="1"><c r="A1" t="inlineStr"><is><t>', "x", "</t></is></c></row>");
}

async function bombOf(mb: number, open: string, unit: string, close = ""): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  for (const [name, data] of Object.entries(parts("", null))) {
    if (name === "xl/worksheets/sheet1.xml") continue;
    const f = new ZipDeflate(name);
    zip.add(f);
    f.push(data, true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 9 });
  zip.add(sheet);
  const mib = strToU8(unit.repeat(Math.ceil((1 << 20) / unit.length)));
  sheet.push(strToU8(sheetXml("").replace("</sheetData></worksheet>", open)));
  for (let i = 0; i < mb; i++) sheet.push(mib);
  sheet.push(strToU8(`${close}</sheetData></worksheet>`), true);
  zip.end();
  return Buffer.concat(out);
}
