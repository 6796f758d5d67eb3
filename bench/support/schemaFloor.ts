import pg from "pg";
import { openDb } from "../../src/db/client";
import { migrate } from "../../src/db/migrate";

/**
 * The set-based floor of an import: the rows of `file` (the generated 7-column CSV) normalised in
 * SQL, staged in an unindexed table, then inserted into `leads` and `list_members` with one
 * `INSERT … SELECT` each, once per schema variant, each in a transaction that is rolled back.
 * Also times a server-side COPY of the file into an unindexed table. Scratch database, dropped after.
 */
export async function schemaFloor(
  adminUrl: string,
  file: string,
  only: string[] | null,
  print: (variant: string, s: { leads: number; members: number; copy: number }) => void,
) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("drop database if exists overture_schema_bench with (force)");
  await admin.query("create database overture_schema_bench");
  const url = new URL(adminUrl);
  url.pathname = "/overture_schema_bench";
  const h = await openDb({ databaseUrl: url.toString() });
  await migrate(h.db);
  await h.close();

  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const ws = (await db.query<{ id: string }>("insert into workspaces (name) values ('Bench') returning id"))
    .rows[0]!.id;
  const list = (
    await db.query<{ id: string }>(
      "insert into lists (workspace_id, name, source) values ($1, 'Bench', 'import') returning id",
      [ws],
    )
  ).rows[0]!.id;

  const time = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return (performance.now() - t0) / 1000;
  };

  await db.query("create table raw_copy (a text, b text, c text, d text, e text, f text, g text)");
  const copy = await time(() => db.query(`copy raw_copy from '${file}' with (format csv, header true)`));
  // The rows as the importer hands them to the database: identity normalised, ids time-ordered.
  await db.query(`create unlogged table stage as
    select row_number() over () + 1 as line,
      (substr(md5(c), 1, 8) || '-' || substr(md5(c), 9, 4) || '-7' || substr(md5(c), 14, 3) || '-8' || substr(md5(c), 18, 3) || '-' || substr(md5(c), 21, 12))::uuid as id,
      a as first_name, b as last_name, lower(c) as email, d as company, split_part(lower(c), '@', 2) as company_domain,
      e as job_title, f as linkedin_url, 'li:' || lower(substring(f from '/in/([^/?#]+)')) as linkedin_key, g as location
    from raw_copy`);
  await db.query("drop table raw_copy");
  await db.query("vacuum analyze stage");

  const insertLeads = `insert into leads (id, workspace_id, first_name, last_name, email, company, company_domain, job_title,
      linkedin_url, linkedin_key, location, source_import_id, source_line, created_by, created_at, updated_at)
    select id, '${ws}', first_name, last_name, email, company, company_domain, job_title, linkedin_url, linkedin_key,
      location, null, line, 'bench', now(), now() from stage on conflict do nothing`;
  const insertMembers = `insert into list_members (list_id, lead_id, workspace_id, added_at)
    select '${list}', id, '${ws}', now() from stage on conflict do nothing`;

  /** Each variant is the DDL run before the timed inserts, inside the transaction that is rolled back. */
  const searchText = (expr: string) => [
    "drop index leads_search_trgm",
    "alter table leads drop column search_text",
    `alter table leads add column search_text text generated always as (${expr}) stored`,
    "create index leads_search_trgm on leads using gin (search_text gin_trgm_ops)",
  ];
  /** Each variant is the DDL run before the timed inserts, inside the transaction that is rolled back. */
  const variants: Record<string, string[]> = {
    current: [],
    "no trigram GIN": ["drop index leads_search_trgm"],
    "compact search text without the email": searchText(
      `overture_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(job_title, '') || ' ' || coalesce(location, ''))`,
    ),
    "no leads_ws_created": ["drop index leads_ws_created"],
    "no leads_ws_status_created": ["drop index leads_ws_status_created"],
    "no leads_ws_last_name": ["drop index leads_ws_last_name"],
    "no leads_ws_company": ["drop index leads_ws_company"],
    "no leads→workspaces FK": ["alter table leads drop constraint leads_workspace_id_workspaces_id_fk"],
    "no list_members_lead index": ["drop index list_members_lead"],
    "no status-delta insert trigger": ["drop trigger leads_status_deltas_ins on leads"],
    "no list-count trigger": ["drop trigger list_members_count_ins on list_members"],
    "schema before 0015 (wide search text, membership FKs, no list counts)": [
      ...searchText(
        `lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(job_title, '') || ' ' || coalesce(location, '') || ' ' || coalesce(email, ''))`,
      ),
      "drop trigger list_members_count_ins on list_members",
      "alter table list_members add constraint m_lead_fk foreign key (lead_id) references leads(id) on delete cascade",
      "alter table list_members add constraint m_list_fk foreign key (list_id) references lists(id) on delete cascade",
    ],
  };

  for (const [name, ddl] of Object.entries(variants)) {
    if (only && !only.includes(name)) continue;
    await db.query("checkpoint");
    await db.query("begin");
    for (const s of ddl) await db.query(s);
    const l = await time(() => db.query(insertLeads));
    const m = await time(() => db.query(insertMembers));
    await db.query("rollback");
    print(name, { leads: l, members: m, copy });
  }
  await db.end();
  await admin.query("drop database if exists overture_schema_bench with (force)");
  await admin.end();
}
