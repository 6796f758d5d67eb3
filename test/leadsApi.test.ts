import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobDefinitions } from "../src/jobs/registry";
import { startWorker } from "../src/jobs/worker";
import { multipartBody, seedWorkspace, testServer } from "./support/testApi";
import { createTestContext, type TestContext } from "./support/testContext";

let ctx: TestContext;
let api: Awaited<ReturnType<typeof testServer>>;
let ws: Awaited<ReturnType<typeof seedWorkspace>>;
let key = "";
const call = (m: string, u: string, body?: unknown) => api.call(m, u, { key, body });

beforeAll(async () => {
  ctx = await createTestContext();
  api = await testServer(ctx);
  ws = await seedWorkspace(ctx, "Leads Co");
  key = ws.apiKey;
});
afterAll(async () => {
  await api.close();
  await ctx.close();
});

describe("leads API", () => {
  let listId = "";
  const ids: string[] = [];

  it("adds leads by hand and refuses the same person twice", async () => {
    listId = (await call("POST", "/api/lists", { name: "Q1 Prospects" })).json.id;
    const people = [
      ["Zoë", "Ångström", "zoe@nordic.io", "Nordic AB", "CFO", "Stockholm, Sweden"],
      ["Ada", "Lovelace", "ada@analytical.io", "Analytical Engines", "CTO", "London"],
      ["Grace", "Hopper", "grace@cobol.dev", "Cobol Labs", "Admiral", "Arlington, Virginia"],
      ["Alan", "Turing", "alan@enigma.uk", "Bletchley", "Cryptanalyst", "Manchester"],
    ];
    for (const [firstName, lastName, email, company, jobTitle, location] of people) {
      const r = await call("POST", "/api/leads", {
        firstName,
        lastName,
        email,
        company,
        jobTitle,
        location,
        listId,
      });
      expect(r.status).toBe(201);
      ids.push(r.json.id);
    }
    const dup = await call("POST", "/api/leads", { email: "ADA@analytical.io" });
    expect(dup.status).toBe(409);
    const none = await call("POST", "/api/leads", { firstName: "Nobody" });
    expect(none.status).toBe(400);
    expect(none.json.error.message).toBe("a lead needs a LinkedIn URL or an email");
  });

  it("searches by fragments of name, company, title and location", async () => {
    const names = async (q: string) =>
      (await call("GET", `/api/leads?search=${encodeURIComponent(q)}`)).json.items.map(
        (l: { firstName: string }) => l.firstName,
      );
    expect(await names("lovel")).toEqual(["Ada"]);
    expect(await names("cobol")).toEqual(["Grace"]);
    expect(await names("cryptan")).toEqual(["Alan"]);
    expect(await names("stockholm")).toEqual(["Zoë"]);
    expect(await names("100%_")).toEqual([]);
  });

  it("sorts by any column with keyset pages that add up to the full order", async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const r: { json: { items: { lastName: string }[]; nextCursor: string | null } } = await call(
        "GET",
        `/api/leads?sort=lastName&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      all.push(...r.json.items.map((i) => i.lastName));
      cursor = r.json.nextCursor;
    } while (cursor);
    expect(all).toEqual(["Ångström", "Hopper", "Lovelace", "Turing"].sort((a, b) => (a < b ? -1 : 1)));
    const desc = await call("GET", "/api/leads?sort=-company&limit=2");
    expect(desc.json.items.map((i: { company: string }) => i.company)).toEqual(["Nordic AB", "Cobol Labs"]);
    expect((await call("GET", "/api/leads?sort=shoeSize")).json.error.details.field).toBe("sort");
    expect((await call("GET", "/api/leads?cursor=garbage")).status).toBe(400);
    expect((await call("GET", "/api/leads?status=nonsense")).status).toBe(400);
  });

  it("edits fields and status, each change on the timeline, newest first", async () => {
    const id = ids[1]!;
    const r = await call("PATCH", `/api/leads/${id}`, {
      jobTitle: "Chief Analyst",
      status: "audit_complete",
    });
    expect(r.json).toMatchObject({
      jobTitle: "Chief Analyst",
      status: "audit_complete",
      statusLabel: "Audited",
    });
    const bad = await call("PATCH", `/api/leads/${id}`, { email: "broken" });
    expect(bad.status).toBe(400);
    const t = (await call("GET", `/api/leads/${id}/timeline`)).json;
    expect(t.map((e: { type: string }) => e.type)).toEqual([
      "status_changed",
      "field_changed",
      "added_to_list",
      "created",
    ]);
    expect(t[1].data).toEqual({ field: "jobTitle", from: "CTO", to: "Chief Analyst" });
    const filtered = await call("GET", "/api/leads?status=audit_complete");
    expect(filtered.json.items.map((l: { id: string }) => l.id)).toEqual([id]);
  });

  it("runs bulk actions: set status, add to another list, remove, and lists stay memberships", async () => {
    const other = (await call("POST", "/api/lists", { name: "Warm" })).json.id;
    expect(
      (await call("POST", "/api/leads/bulk", { action: "set_status", ids: ids.slice(0, 2), status: "new" }))
        .json,
    ).toEqual({ changed: 1 });
    expect(
      (await call("POST", "/api/leads/bulk", { action: "add_to_list", ids, listId: other })).json,
    ).toMatchObject({ added: 4 });
    expect(
      (await call("POST", "/api/leads/bulk", { action: "add_to_list", ids: ids.slice(0, 1), listId: other }))
        .json,
    ).toMatchObject({ added: 0, alreadyInList: 1 });
    expect(
      (await call("POST", "/api/leads/bulk", { action: "remove_from_list", ids: [ids[3]], listId: other }))
        .json,
    ).toEqual({ removed: 1 });
    const inOther = await call("GET", `/api/leads?listId=${other}`);
    expect(inOther.json.items.length).toBe(3);
    const detail = await call("GET", `/api/leads/${ids[0]}`);
    expect(detail.json.lists.map((l: { name: string }) => l.name)).toEqual(["Q1 Prospects", "Warm"]);
    expect((await call("POST", "/api/leads/bulk", { action: "add_to_list", ids })).status).toBe(400);
  });

  it("duplicates a list, renames, and deletes a list keeping its leads unless asked", async () => {
    const copy = await call("POST", `/api/lists/${listId}/duplicate`, {});
    expect(copy.json.name).toBe("Q1 Prospects (copy)");
    const lists = (await call("GET", "/api/lists")).json;
    expect(lists.find((l: { id: string }) => l.id === copy.json.id).leadCount).toBe(4);
    expect((await call("PATCH", `/api/lists/${copy.json.id}`, { name: "Q1 Prospects" })).status).toBe(409);
    expect((await call("DELETE", `/api/lists/${copy.json.id}`)).json).toEqual({ deletedLeads: 0 });
    expect((await call("GET", "/api/leads")).json.items.length).toBe(4);
    const solo = (await call("POST", "/api/lists", { name: "Solo" })).json.id;
    const lonely = (await call("POST", "/api/leads", { email: "lonely@solo.io", listId: solo })).json.id;
    expect((await call("DELETE", `/api/lists/${solo}?deleteLeads=true`)).json).toEqual({ deletedLeads: 1 });
    expect((await call("GET", `/api/leads/${lonely}`)).status).toBe(404);
  });

  it("flags blocklisted leads (domain covers subdomains) and exports CSV safely", async () => {
    await call("POST", "/api/blocklist", { value: "https://www.cobol.dev" });
    const grace = (await call("GET", `/api/leads/${ids[2]}`)).json;
    expect(grace).toMatchObject({ blocked: true, blockedReason: "domain cobol.dev is blocklisted" });
    await call("PATCH", `/api/leads/${ids[3]}`, { jobTitle: '=HYPERLINK("http://evil")' });
    const csv = await api.app.inject({
      method: "GET",
      url: "/api/leads/export.csv?sort=lastName",
      headers: { authorization: `Bearer ${key}` },
    });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines.length).toBe(5);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines.find((l) => l.startsWith("Grace"))).toContain(",yes,");
    const imp = await call("POST", "/api/blocklist/import", {
      text: "domain\nfoo.com\nbad line here\nceo@x.io\n",
    });
    expect(imp.json).toEqual({
      added: 2,
      alreadyListed: 0,
      errors: [{ line: 3, error: '"bad line here" is neither an email address nor a domain' }],
    });
  });

  it("exports everything about one person, then erases them for good", async () => {
    const id = ids[0]!;
    const data = await api.app.inject({
      method: "GET",
      url: `/api/leads/${id}/export`,
      headers: { authorization: `Bearer ${key}` },
    });
    const json = data.json();
    expect(json.lead.email).toBe("zoe@nordic.io");
    expect(json.timeline.length).toBeGreaterThan(1);
    expect((await call("DELETE", `/api/leads/${id}`)).status).toBe(200);
    expect((await call("GET", `/api/leads/${id}`)).status).toBe(404);
    expect((await call("GET", `/api/leads/${id}/timeline`)).status).toBe(404);
  });

  it("imports a file over HTTP (multipart) in the background with progress and a report", async () => {
    const csv =
      "Name;E-mail;Organisation;Notes\r\nKaty Perry;katy@songs.io;Songs;hi\r\nBad Row;nope;X;\r\nAda Again;ada@analytical.io;;\r\n";
    const body = multipartBody({}, { name: "team.csv", content: csv });
    const res = await api.app.inject({
      method: "POST",
      url: `/api/lists/${listId}/imports`,
      headers: { ...body.headers, authorization: `Bearer ${key}` },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    const imp = res.json();
    expect(imp.status).toBe("queued");
    const w = startWorker(ctx, jobDefinitions, { pollMs: 20 });
    await w.idle();
    await w.stop();
    const done = (await call("GET", `/api/imports/${imp.id}`)).json;
    expect(done.status).toBe("done");
    expect(done.progress).toEqual({ done: 3, total: 3 });
    expect(done.report).toMatchObject({
      totalRows: 3,
      added: 1,
      duplicates: 1,
      invalid: 1,
      invalidRows: [{ line: 3 }],
    });
    const katy = (await call("GET", "/api/leads?search=katy")).json.items[0];
    expect(katy).toMatchObject({
      firstName: "Katy",
      lastName: "Perry",
      company: "Songs",
      customFields: { notes: "hi" },
    });
    const t = (await call("GET", `/api/leads/${katy.id}/timeline`)).json;
    expect(t[t.length - 1]).toMatchObject({
      type: "imported",
      data: { fileName: "team.csv", listName: "Q1 Prospects" },
    });
  });

  it("previews a mapping, lets the user correct it, then imports with the correction", async () => {
    const csv = "Full Name,Mail,Where\nLinus T,linus@kernel.org,Portland\n";
    const body = multipartBody({}, { name: "x.csv", content: csv });
    const prev = (
      await api.app.inject({
        method: "POST",
        url: "/api/imports",
        headers: { ...body.headers, authorization: `Bearer ${key}` },
        payload: body.payload,
      })
    ).json();
    expect(prev.mapping.map((m: { target: string }) => m.target)).toEqual(["fullName", "email", "custom"]);
    expect(prev.mapping[1].samples).toEqual(["linus@kernel.org"]);
    const mapping = prev.mapping.map((m: { index: number; target: string }) => ({
      index: m.index,
      target: m.index === 2 ? "location" : m.target,
    }));
    const start = await call("POST", `/api/imports/${prev.importId}/start`, { listId, mapping });
    expect(start.status).toBe(202);
    expect((await call("POST", `/api/imports/${prev.importId}/start`, { listId })).status).toBe(409);
    const w = startWorker(ctx, jobDefinitions, { pollMs: 20 });
    await w.idle();
    await w.stop();
    const linus = (await call("GET", "/api/leads?search=kernel")).json.items[0];
    expect(linus).toMatchObject({ firstName: "Linus", lastName: "T", location: "Portland" });
    const badMap = await call("POST", `/api/imports/${prev.importId}/start`, {
      listId,
      mapping: [{ index: 9, target: "email" }],
    });
    expect(badMap.status).toBe(409);
  });

  it("does not let another workspace's leads into this workspace's lists", async () => {
    const other = await seedWorkspace(ctx, "Other Co");
    const foreign = (
      await api.call("POST", "/api/leads", { key: other.apiKey, body: { email: "foreign@other.co" } })
    ).json.id;
    const r = await call("POST", `/api/lists/${listId}/members`, { leadIds: [foreign] });
    expect(r.json).toEqual({ added: 0, alreadyInList: 0, notFound: 1 });
    expect((await call("POST", "/api/leads/bulk", { action: "delete", ids: [foreign] })).json).toEqual({
      deleted: 0,
    });
    expect((await api.call("GET", `/api/leads/${foreign}`, { key: other.apiKey })).status).toBe(200);
  });
});
