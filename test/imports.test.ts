import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/app/context";
import { importLeads } from "../src/app/imports/importLeads";
import { createList } from "../src/app/lists/lists";
import { leadEvents, leads, listMembers } from "../src/db/schema";
import { csvRows, fixture } from "./support/importHelpers";
import { seedWorkspace } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let actor: Actor;
beforeAll(async () => {
  ctx = await createTestContext();
  const ws = await seedWorkspace(ctx, "Importers");
  actor = { workspaceId: ws.workspaceId, userId: ws.userId, role: "owner", via: "cli", label: "test" };
});
afterAll(() => ctx.close());

async function rowsOf(text: string) {
  const out = [];
  for await (const r of await csvRows(text, 5)) out.push(r);
  return out;
}

describe("reading spreadsheets", () => {
  it("detects delimiters, strips the BOM, keeps quoted newlines and counts lines like a spreadsheet", async () => {
    const rows = await rowsOf('\uFEFFa\tb\r\n1\t"x\r\ny"\r\n\r\n3\t4\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "x\r\ny"] },
      { line: 4, cells: ["3", "4"] },
    ]);
  });
  it("reads Windows-1252 files that are not valid UTF-8", async () => {
    const bytes = Uint8Array.from([
      ...Buffer.from("name,city\nZo"),
      0xeb,
      ...Buffer.from(",K"),
      0xf6,
      ...Buffer.from("ln\n"),
    ]);
    const rows = [];
    for await (const r of await csvRows(bytes, 3)) rows.push(r);
    expect(rows[1]!.cells).toEqual(["Zoë", "Köln"]);
  });
});

describe("importLeads", () => {
  it("imports a messy export: reports invalid rows with line and reason, in-file duplicates, and keeps custom fields", async () => {
    const list = await createList(ctx, actor, { name: "Messy", source: "import" });
    const { report, mapping } = await importLeads(ctx, actor, {
      rows: await csvRows(fixture("messy-apollo.csv"), 11),
      listId: list.id,
      importId: null,
      fileName: "messy-apollo.csv",
    });
    expect(mapping.find((m) => m.target === "custom")?.customKey).toBe("icebreaker");
    // Lines are spreadsheet rows: Ada's quoted two-line icebreaker is one row, the blank row 7 is skipped.
    expect(report).toMatchObject({
      totalRows: 7,
      added: 3,
      updated: 0,
      duplicates: 2,
      invalid: 2,
      done: true,
    });
    expect(report.invalidRows).toEqual([
      { line: 4, reason: "a lead needs a LinkedIn URL or an email" },
      { line: 9, reason: 'email "bad@" is not a valid address; a lead needs a LinkedIn URL or an email' },
    ]);
    expect(report.duplicateRows).toEqual([
      { line: 5, duplicateOfLine: 2 },
      { line: 8, duplicateOfLine: 3 },
    ]);
    expect(report.warnings).toEqual([{ line: 6, message: '"not-a-url" is not a LinkedIn profile URL' }]);
    const ada = (await ctx.db.select().from(leads).where(eq(leads.linkedinKey, "li:ada-lovelace")))[0]!;
    expect(ada).toMatchObject({
      email: "ada@analytical.io",
      companyDomain: "analytical.io",
      location: "London",
    });
    expect(ada.customFields).toEqual({ icebreaker: "Loved your post\r\non engines" });
    const members = await ctx.db.select().from(listMembers).where(eq(listMembers.listId, list.id));
    expect(members.length).toBe(3);
  });

  it("a second import fills blanks of known people, adds them to the new list, and skips those already in it", async () => {
    const other = await createList(ctx, actor, { name: "Second" });
    const csv =
      "email,phone,first name\nada@analytical.io,+44 20 1234,Augusta\ngrace@navy.mil,,\nnew@person.io,,New\n";
    const first = await importLeads(ctx, actor, {
      rows: await csvRows(csv),
      listId: other.id,
      importId: null,
      fileName: "b.csv",
    });
    expect(first.report).toMatchObject({ added: 1, updated: 2, duplicates: 0 });
    const ada = (await ctx.db.select().from(leads).where(eq(leads.email, "ada@analytical.io")))[0]!;
    expect(ada.phone).toBe("+44 20 1234");
    expect(ada.firstName).toBe("Ada"); // never overwritten
    const ev = await ctx.db.select().from(leadEvents).where(eq(leadEvents.leadId, ada.id));
    expect(ev.map((e) => e.type)).toEqual(["import_matched"]);
    expect(ev[0]!.data).toMatchObject({ filled: ["phone"], addedToList: true, fileName: "b.csv" });
    const again = await importLeads(ctx, actor, {
      rows: await csvRows(csv),
      listId: other.id,
      importId: null,
      fileName: "b.csv",
    });
    expect(again.report).toMatchObject({ added: 0, updated: 0, duplicates: 3 });
  });

  it("resumes after the last committed batch without double counting", async () => {
    const list = await createList(ctx, actor, { name: "Resume" });
    const csv = ["email", ...Array.from({ length: 10 }, (_, i) => `r${i}@resume.io`)].join("\n");
    let calls = 0;
    const interrupted = importLeads(ctx, actor, {
      rows: await csvRows(csv),
      listId: list.id,
      importId: null,
      fileName: "r.csv",
      batchSize: 3,
      onProgress: () => {
        if (++calls === 2) throw new Error("worker killed");
      },
    });
    await expect(interrupted).rejects.toThrow("worker killed");
    const partial = {
      totalRows: 6,
      added: 6,
      updated: 0,
      duplicates: 0,
      invalid: 0,
      invalidRows: [],
      duplicateRows: [],
      warnings: [],
      warningCount: 0,
      committedLine: 7,
      done: false,
    };
    const { report } = await importLeads(ctx, actor, {
      rows: await csvRows(csv),
      listId: list.id,
      importId: null,
      fileName: "r.csv",
      batchSize: 3,
      resumeFrom: partial,
    });
    expect(report).toMatchObject({ totalRows: 10, added: 10, duplicates: 0, done: true });
    expect((await ctx.db.select().from(listMembers).where(eq(listMembers.listId, list.id))).length).toBe(10);
  });
});
