import { sql } from "drizzle-orm";
import type { NormalisedLead } from "../../domain/imports/validateLeadRow";
import type { LeadFieldKey } from "../../domain/leadFields";
import { type Db, queryRows } from "../client";
import { uuidv7 } from "../uuidv7";

type Tx = Pick<Db, "execute">;

/** Lead fields as database columns, in the order the batch records carry them. */
export const leadColumns: [LeadFieldKey | "linkedinKey", string][] = [
  ["firstName", "first_name"],
  ["lastName", "last_name"],
  ["email", "email"],
  ["company", "company"],
  ["companyDomain", "company_domain"],
  ["jobTitle", "job_title"],
  ["headline", "headline"],
  ["linkedinUrl", "linkedin_url"],
  ["linkedinKey", "linkedin_key"],
  ["phone", "phone"],
  ["location", "location"],
  ["timezone", "timezone"],
  ["industry", "industry"],
  ["companySize", "company_size"],
  ["seniority", "seniority"],
];
/** An import fills blanks but never changes who a lead is. */
const fillable = leadColumns.filter(([k]) => k !== "linkedinKey" && k !== "email" && k !== "linkedinUrl");

export type BatchRow = { line: number; lead: NormalisedLead };
/** A row that named a lead already in the workspace. `duplicateOfLine`: an earlier row of this same import. */
export type ExistingMatch = {
  line: number;
  id: string;
  addedToList: boolean;
  filled: string[];
  duplicateOfLine?: number;
};

const colList = sql.raw(leadColumns.map(([, c]) => c).join(", "));
/** Column definitions of the JSON record set a batch travels in (one parameter, any batch size). */
const recordDef = sql.raw(
  "id uuid, line int, " + leadColumns.map(([, c]) => `${c} text`).join(", ") + ", custom jsonb",
);
const fillDef = sql.raw("id uuid, " + fillable.map(([, c]) => `${c} text`).join(", ") + ", custom jsonb");
const fillSet = sql.raw(fillable.map(([, c]) => `${c} = coalesce(l.${c}, t.${c})`).join(", "));

function recordsJson(rows: BatchRow[]): string {
  return JSON.stringify(
    rows.map((r) => {
      const o: Record<string, unknown> = { id: uuidv7(), line: r.line, custom: r.lead.customFields ?? {} };
      for (const [k, c] of leadColumns) o[c] = r.lead[k] ?? null;
      return o;
    }),
  );
}

type Batch = {
  workspaceId: string;
  listId: string | null;
  importId: string | null;
  actor: string;
  now: Date;
  rows: BatchRow[];
};

/**
 * Writes one batch of validated leads, each row unique within the batch: new people are inserted
 * and added to the list in one statement (ON CONFLICT DO NOTHING against both identity indexes);
 * the rows that conflicted are matched to the people who already exist, whose blank fields are
 * filled (never overwritten) in one set-based update, and who are added to the list unless they
 * are in it already. A person created by an earlier row of the same import is that row's duplicate.
 */
export async function writeLeadBatch(
  tx: Tx,
  o: Batch,
): Promise<{ inserted: number; existing: ExistingMatch[] }> {
  const now = o.now.toISOString();
  const inserted = await queryRows<{ line: number }>(
    tx,
    sql`with t as (select * from json_to_recordset(${recordsJson(o.rows)}::json) as t(${recordDef})),
        ins as (
          insert into leads (id, workspace_id, ${colList}, custom_fields, source_import_id, source_line, created_by, created_at, updated_at)
          select id, ${o.workspaceId}::uuid, ${colList}, custom, ${o.importId}::uuid, line, ${o.actor}, ${now}::timestamptz, ${now}::timestamptz
          from t on conflict do nothing
          returning id, source_line),
        members as (
          insert into list_members (list_id, lead_id, workspace_id, added_at)
          select ${o.listId}::uuid, id, ${o.workspaceId}::uuid, ${now}::timestamptz from ins where ${o.listId}::uuid is not null)
        select source_line as line from ins`,
  );
  if (inserted.length === o.rows.length) return { inserted: inserted.length, existing: [] };
  const done = new Set(inserted.map((r) => Number(r.line)));
  const rest = o.rows.filter((r) => !done.has(r.line));
  return { inserted: inserted.length, existing: await matchExisting(tx, o, rest) };
}

type Found = Record<string, string | null> & {
  id: string;
  custom_fields: Record<string, string>;
  source_import_id: string | null;
  source_line: number | null;
};

async function matchExisting(tx: Tx, o: Batch, rest: BatchRow[]): Promise<ExistingMatch[]> {
  const keys = rest.map((r) => r.lead.linkedinKey).filter((k): k is string => !!k);
  const emails = rest.map((r) => r.lead.email).filter((k): k is string => !!k);
  const found = await queryRows<Found>(
    tx,
    sql`select id, ${colList}, custom_fields, source_import_id, source_line from leads
        where workspace_id = ${o.workspaceId}::uuid
          and (linkedin_key in (select json_array_elements_text(${JSON.stringify(keys)}::json))
               or email in (select json_array_elements_text(${JSON.stringify(emails)}::json)))`,
  );
  const byLi = new Map(found.filter((f) => f.linkedin_key).map((f) => [f.linkedin_key!, f]));
  const byEm = new Map(found.filter((f) => f.email).map((f) => [f.email!, f]));
  const out: ExistingMatch[] = [];
  const fills: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const r of rest) {
    const hit =
      (r.lead.linkedinKey && byLi.get(r.lead.linkedinKey)) || (r.lead.email && byEm.get(r.lead.email));
    if (!hit) continue; // lost a race with a concurrent delete: nothing to attach to
    if (o.importId && hit.source_import_id === o.importId && hit.source_line != null) {
      out.push({
        line: r.line,
        id: hit.id,
        addedToList: false,
        filled: [],
        duplicateOfLine: hit.source_line,
      });
      continue;
    }
    // Two rows of a batch naming one person by different keys: the first one fills.
    const first = !seen.has(hit.id);
    seen.add(hit.id);
    const fill: Record<string, unknown> = { id: hit.id };
    const filled: string[] = [];
    for (const [k, col] of fillable) {
      const v = r.lead[k] as string | undefined;
      if (first && v && !hit[col]) {
        fill[col] = v;
        filled.push(col);
      }
    }
    const custom: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.lead.customFields ?? {}))
      if (first && !(k in hit.custom_fields)) {
        custom[k] = v;
        filled.push(`custom.${k}`);
      }
    fill.custom = custom;
    if (filled.length) fills.push(fill);
    out.push({ line: r.line, id: hit.id, addedToList: false, filled });
  }
  if (fills.length)
    await tx.execute(sql`update leads l set ${fillSet}, custom_fields = t.custom || l.custom_fields,
        updated_at = ${o.now.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(fills)}::json) as t(${fillDef})
      where l.id = t.id and l.workspace_id = ${o.workspaceId}::uuid`);
  const candidates = [...new Set(out.filter((e) => e.duplicateOfLine === undefined).map((e) => e.id))];
  if (o.listId && candidates.length) {
    const added = await queryRows<{ lead_id: string }>(
      tx,
      sql`insert into list_members (list_id, lead_id, workspace_id, added_at)
          select ${o.listId}::uuid, value::uuid, ${o.workspaceId}::uuid, ${o.now.toISOString()}::timestamptz
          from json_array_elements_text(${JSON.stringify(candidates)}::json)
          on conflict do nothing returning lead_id`,
    );
    const addedSet = new Set(added.map((a) => a.lead_id));
    // The membership belongs to the first row that named the person.
    for (const e of out) if (addedSet.delete(e.id)) e.addedToList = true;
  }
  return out;
}

/** Rows the import could not take, kept for the "rejected rows" download (idempotent for a resume). */
export async function writeRejects(
  tx: Tx,
  importId: string,
  rows: { line: number; reason: string; cells: string[] }[],
) {
  if (!rows.length) return;
  await tx.execute(sql`insert into import_rejects (import_id, line, reason, cells)
    select ${importId}::uuid, line, reason, cells from json_to_recordset(${JSON.stringify(rows)}::json)
      as t(line int, reason text, cells jsonb)
    on conflict do nothing`);
}
