import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { importLeads } from "../src/app/imports/importLeads";
import { openSheet } from "../src/app/imports/readSpreadsheet";
import { startImport } from "../src/app/imports/startImport";
import { storeUpload } from "../src/app/imports/uploads";
import { createList } from "../src/app/lists/lists";
import { chunkedByteSource } from "../src/app/imports/byteSource";
import { queryRows } from "../src/db/client";
import { jobDefinitions } from "../src/jobs/registry";
import { startWorker } from "../src/jobs/worker";
import { chunked, csvRows } from "./support/importHelpers";
import { multipartBody, seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";
import { sampleXlsx, xlsxBomb, xlsxRowBomb } from "./support/xlsxFile";

let ctx: TestContext;
let actor: Actor;
let key: string;
let api: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  ctx = await createTestContext();
  const ws = await seedWorkspace(ctx, "Failures");
  key = ws.apiKey;
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "test" };
  api = await testServer(ctx);
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

const emails = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `p${i}@${tag}.io,Name ${i}`);

async function importText(name: string, data: Uint8Array | string, o: { delimiter?: string } = {}) {
  const list = await createList(ctx, actor, { name });
  const rows = await csvRows(data, 4096, o);
  return importLeads(ctx, actor, { rows, listId: list.id, importId: null, fileName: `${name}.csv` });
}

async function upload(name: string, content: Buffer | string) {
  const body = multipartBody({}, { name, content });
  return api.app.inject({
    method: "POST",
    url: "/api/imports",
    headers: { ...body.headers, authorization: `Bearer ${key}` },
    payload: body.payload,
  });
}

describe("nothing lost, everything said", () => {
  it("an unclosed quote on line 103 of 1,001 costs that line only, reported with its number", async () => {
    const lines = ["email,name", ...emails(1000, "quote")];
    lines[102] = 'p101@quote.io,"Oops, never closed';
    const { report } = await importText("Quote", lines.join("\n") + "\n");
    expect(report).toMatchObject({ totalRows: 1000, added: 999, invalid: 1, duplicates: 0, done: true });
    expect(report.invalidRows).toEqual([
      {
        line: 103,
        reason:
          "a quote opened on this line is never closed; the line was skipped and reading went on with the next one",
      },
    ]);
  });

  it("a NUL byte in one row is removed with a warning on that row, and all 1,000 rows import", async () => {
    const lines = ["email,name", ...emails(1000, "nul")];
    lines[500] = "p499@nul.io,Na\u0000me";
    const { report } = await importText("Nul", lines.join("\r\n"));
    expect(report).toMatchObject({ totalRows: 1000, added: 1000, invalid: 0, warningCount: 1 });
    expect(report.warnings).toEqual([{ line: 501, message: "NUL characters were removed" }]);
    const [row] = await queryRows<{ first_name: string }>(
      ctx.db,
      sql`select first_name from leads where email = 'p499@nul.io'`,
    );
    expect(row!.first_name).toBe("Name");
  });

  it("invalid UTF-8 past the sample the encoding was judged on is reported on its row and the rest imports", async () => {
    // The first 64 KiB are valid UTF-8, so the file is read as UTF-8; a later row is not.
    const good = ["email,name", ...emails(3000, "utf")].join("\r\n") + "\r\n";
    const bytes = Buffer.concat([
      Buffer.from(good),
      Buffer.from("bad@utf.io,Bad "),
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from("\r\nlast@utf.io,Zoë\r\n"),
    ]);
    expect(good.length).toBeGreaterThan(64 * 1024);
    const { report } = await importText("Utf8", bytes);
    expect(report).toMatchObject({ totalRows: 3002, added: 3002, invalid: 0, warningCount: 1 });
    expect(report.warnings).toEqual([
      { line: 3002, message: "some bytes are not valid UTF-8 and show as �" },
    ]);
  });

  it("reads Excel's Unicode text (UTF-16LE with a BOM, tabs, CRLF), and the search finds Müller from muller", async () => {
    const text =
      "First Name\tLast Name\tE-mail\tCompany\r\nJürgen\tMüller\tjm@koeln.de\tKöln GmbH\r\nZoë\tŁukasiewicz\tzl@x.pl\tŁódź\r\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const { info } = await openSheet("csv", { stream: () => chunked(bytes, 1000), bytes: async () => null! });
    expect(info).toEqual({ encoding: "utf-16le", encodingDetected: true, delimiter: "\t" });
    const { report } = await importText("Unicode text", bytes);
    expect(report).toMatchObject({ totalRows: 2, added: 2, invalid: 0, warningCount: 0 });
    const found = await api.call("GET", "/api/leads?search=muller", { key });
    expect(found.json.items.map((l: { lastName: string }) => l.lastName)).toEqual(["Müller"]);
    const lodz = await api.call("GET", "/api/leads?search=lodz", { key });
    expect(lodz.json.items.map((l: { company: string }) => l.company)).toEqual(["Łódź"]);
  });

  it("reads a German Excel CSV (semicolons, Windows-1252 with € and curly quotes)", async () => {
    const text = "Vorname;Nachname;E-Mail;Firma\r\nJürgen;Weiß;jw@firma.de;„Süß“ & Co €\r\n";
    const { report } = await importText("German", iconv.encode(text, "windows-1252"));
    expect(report).toMatchObject({ totalRows: 1, added: 1, invalid: 0 });
    const [row] = await queryRows<{ last_name: string; company: string }>(
      ctx.db,
      sql`select last_name, company from leads where email = 'jw@firma.de'`,
    );
    expect(row).toEqual({ last_name: "Weiß", company: "„Süß“ & Co €" });
  });

  it("a row with more values than the header is refused unless the extra values are empty", async () => {
    const csv = "email,name\na@extra.io,Ann,oops\nb@extra.io,Bob,,\nc@extra.io\n";
    const { report } = await importText("Extra", csv);
    expect(report).toMatchObject({ totalRows: 3, added: 2, invalid: 1, warningCount: 2 });
    expect(report.invalidRows).toEqual([
      {
        line: 2,
        reason:
          "this row has 3 values but the header has 2 columns (a value with the delimiter in it and no quotes?)",
      },
    ]);
    expect(report.warnings).toEqual([
      { line: 3, message: "2 empty values past the last column ignored" },
      { line: 4, message: "this row has 1 of 2 columns; the missing ones are empty" },
    ]);
  });

  it("a 100 KB value is cut to its field's limit with a warning naming the line and the column", async () => {
    const csv = `email,headline,first name\nlong@cut.io,"${"h".repeat(100_000)}",Ada\n`;
    const { report } = await importText("Cut", csv);
    expect(report).toMatchObject({ added: 1, warningCount: 1 });
    expect(report.warnings).toEqual([
      { line: 2, message: 'column B "headline" was cut to 300 characters (it had 100,000)' },
    ]);
    const [row] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select length(headline)::int as n from leads where email = 'long@cut.io'`,
    );
    expect(row!.n).toBe(300);
  });

  it("reads LinkedIn's Connections.csv, whose header comes after a note", async () => {
    const csv =
      'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n' +
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
      'Anita,Desai,https://www.linkedin.com/in/anita-desai,,Razorpay,"Talent Partner, Product",01 Sep 2026\r\n';
    const { report, mapping } = await importText("Connections", csv);
    expect(report).toMatchObject({ totalRows: 1, added: 1, invalid: 0 });
    expect(mapping.map((m) => m.target)).toEqual([
      "firstName",
      "lastName",
      "linkedinUrl",
      "email",
      "company",
      "jobTitle",
      "custom",
    ]);
  });
});

describe("workbooks", () => {
  it("reads the first visible sheet of an XLSX: shared and inline strings, rich text, numbers, gaps", async () => {
    const file = Buffer.from(sampleXlsx());
    const src = chunkedByteSource(file.length, 100, async (seq) => file.subarray(seq * 100, seq * 100 + 100));
    const { rows } = await openSheet("xlsx", { stream: () => chunked(file), bytes: async () => src });
    const got = [];
    for await (const r of rows) got.push(r);
    expect(got).toEqual([
      { line: 1, cells: ["Email", "First Name", "Company", "Employees"] },
      { line: 2, cells: ["zoe@smith.io", "Zoë", "Smith & Sons\r", "42"] },
      { line: 5, cells: ["no-name@smith.io", "", "", "TRUE"] },
    ]);
  });

  it("refuses a 256 KB → 250 MB zip bomb with a 413 while memory stays flat", async () => {
    const bomb = Buffer.from(await xlsxBomb(250));
    expect(bomb.length).toBeLessThan(300 * 1024);
    const rowBomb = understateSizes(Buffer.from(await xlsxRowBomb(250)));
    const before = process.resourceUsage().maxRSS;
    const honest = await upload("bomb.xlsx", bomb);
    expect(honest.statusCode).toBe(413);
    expect(honest.json().error.message).toBe(
      "this workbook has more than 200 MB of data once unzipped; save it as .csv (any size) and import that",
    );
    // A bomb of empty rows whose zip directory lies about the sizes is caught while inflating.
    const lying = await upload("rows.xlsx", rowBomb);
    expect(lying.statusCode).toBe(413);
    expect(lying.json().error.message).toBe(
      "this workbook expands more than 100 times when unzipped, which real spreadsheets never do; it was not read",
    );
    // maxRSS is the process's peak so far (KiB). Inflating stops at 100x the compressed size (25 MB
    // here), a megabyte at a time: the peak grows by a fraction of the 250 MB the bomb holds.
    expect(process.resourceUsage().maxRSS - before).toBeLessThan(100 * 1024);
  }, 120_000);

  it("refuses an old binary .xls with a way forward", async () => {
    const res = await upload("old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("save it as .xlsx or .csv");
  });
});

describe("starting an import", () => {
  const uploadCsv = (csv: string) => storeUpload(ctx, actor, "start.csv", chunked(csv, 64));

  it("is all or nothing: a start that fails leaves the upload as it was and queues no job", async () => {
    const list = await createList(ctx, actor, { name: "Atomic" });
    const imp = await uploadCsv("email\na@atomic.io\n");
    await ctx.db.execute(
      sql.raw(`create function fail_import_start() returns trigger language plpgsql as $$
      begin if new.job_id is not null then raise exception 'disk full'; end if; return new; end $$`),
    );
    await ctx.db.execute(
      sql.raw(
        `create trigger fail_import_start before update on imports for each row execute function fail_import_start()`,
      ),
    );
    await expect(startImport(ctx, actor, imp.id, { listId: list.id })).rejects.toThrow();
    await ctx.db.execute(sql.raw(`drop trigger fail_import_start on imports`));
    const [row] = await queryRows<{ status: string; list_id: string | null; job_id: number | null }>(
      ctx.db,
      sql`select status, list_id, job_id from imports where id = ${imp.id}::uuid`,
    );
    expect(row).toEqual({ status: "uploaded", list_id: null, job_id: null });
    const jobs = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from jobs where payload->'data'->>'importId' = ${imp.id}`,
    );
    expect(jobs[0]!.n).toBe(0);
  });

  it.runIf(ctx0().pg)(
    "a worker that claims while a start is under way sees either nothing or the whole import",
    async () => {
      const list = await createList(ctx, actor, { name: "Race" });
      const imp = await uploadCsv("email\na@race.io\nb@race.io\n");
      const pool = ctx.dbHandle.pool!;
      // The start's transaction waits inside its first write on a lock this test holds.
      await pool.query(`create function hold_import_start() returns trigger language plpgsql as $$
      begin perform pg_advisory_xact_lock(4242); return new; end $$`);
      await pool.query(
        `create trigger hold_import_start before update on imports for each row execute function hold_import_start()`,
      );
      const holder = await pool.connect();
      await holder.query("begin");
      await holder.query("select pg_advisory_xact_lock(4242)");
      const starting = startImport(ctx, actor, imp.id, { listId: list.id });
      // Wait until the start is blocked on the lock (observed, not slept on).
      for (;;) {
        const { rows } = await pool.query(
          "select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 4242 and not granted",
        );
        if (rows[0].n > 0) break;
      }
      const during = await pool.query(
        "select j.id, i.list_id, i.status from jobs j join imports i on i.id = (j.payload->'data'->>'importId')::uuid where i.id = $1",
        [imp.id],
      );
      expect(during.rows).toEqual([]);
      await holder.query("commit");
      holder.release();
      await starting;
      await pool.query("drop trigger hold_import_start on imports");
      const after = await pool.query(
        "select i.list_id, i.status, i.job_id = j.id as linked from jobs j join imports i on i.id = (j.payload->'data'->>'importId')::uuid where i.id = $1",
        [imp.id],
      );
      expect(after.rows).toEqual([{ list_id: list.id, status: "queued", linked: true }]);
      const w = startWorker(ctx, jobDefinitions, { pollMs: 20 });
      await w.idle();
      await w.stop();
      const done = await api.call("GET", `/api/imports/${imp.id}`, { key });
      expect(done.json.report).toMatchObject({ added: 2, invalid: 0, done: true });
    },
  );
});

/** Writes 1,000 bytes as every entry's uncompressed size in the zip directory. */
function understateSizes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 < out.length; i++)
    if (out.readUInt32LE(i) === 0x02014b50) out.writeUInt32LE(1000, i + 24);
  return out;
}

function ctx0() {
  return { pg: !!process.env.DATABASE_URL };
}
