import { sql } from "drizzle-orm";
import type { NormalisedLead } from "../../domain/imports/validateLeadRow";
import type { LeadFieldKey } from "../../domain/leadFields";
import { type Db, queryRows } from "../client";
import { uuidv7 } from "../uuidv7";

type Tx = Pick<Db, "execute">;

/** Lead fields as database columns, in the order the batch arrays are sent. */
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

export type BatchRow = { line: number; lead: NormalisedLead };
export type ExistingMatch = { line: number; id: string; addedToList: boolean; filled: string[] };

const colList = sql.raw(leadColumns.map(([, c]) => c).join(", "));

/** Column definitions of the JSON record set the batch travels in (one parameter, any batch size). */
const recordDef = sql.raw(
  "id uuid, " + leadColumns.map(([, c]) => `${c} text`).join(", ") + ", custom jsonb",
);

function recordsJson(rows: BatchRow[]): string {
  return JSON.stringify(
    rows.map((r) => {
      const o: Record<string, unknown> = { id: uuidv7(), custom: r.lead.customFields ?? {} };
      for (const [k, c] of leadColumns) o[c] = r.lead[k] ?? null;
      return o;
    }),
  );
}

const jsonIds = (ids: string[]) => JSON.stringify(ids);

/**
 * Writes one batch of already validated, in-file-deduplicated leads:
 * new people are inserted (ON CONFLICT DO NOTHING against both identity indexes); people who already
 * exist are matched by LinkedIn key or email, get their blank fields filled (never overwritten), and
 * are added to the list unless they are in it already (a duplicate).
 */
export async function writeLeadBatch(
  tx: Tx,
  o: {
    workspaceId: string;
    listId: string | null;
    importId: string | null;
    actor: string;
    now: Date;
    rows: BatchRow[];
  },
): Promise<{ inserted: { line: number; id: string }[]; existing: ExistingMatch[] }> {
  const now = o.now.toISOString();
  const inserted = await queryRows<{ id: string; linkedin_key: string | null; email: string | null }>(
    tx,
    sql`insert into leads (id, workspace_id, ${colList}, custom_fields, source_import_id, created_by, created_at, updated_at)
        select id, ${o.workspaceId}::uuid, ${colList}, custom, ${o.importId}::uuid, ${o.actor}, ${now}::timestamptz, ${now}::timestamptz
        from json_to_recordset(${recordsJson(o.rows)}::json) as t(${recordDef})
        on conflict do nothing
        returning id, linkedin_key, email`,
  );
  const byKey = new Map<string, number>();
  for (const r of o.rows) {
    if (r.lead.linkedinKey) byKey.set(`li ${r.lead.linkedinKey}`, r.line);
    if (r.lead.email) byKey.set(`em ${r.lead.email}`, r.line);
  }
  const insertedLines = new Set<number>();
  const insertedOut: { line: number; id: string }[] = [];
  for (const r of inserted) {
    const line =
      (r.linkedin_key && byKey.get(`li ${r.linkedin_key}`)) || (r.email && byKey.get(`em ${r.email}`));
    if (line) {
      insertedLines.add(line);
      insertedOut.push({ line, id: r.id });
    }
  }
  const rest = o.rows.filter((r) => !insertedLines.has(r.line));
  const existing = rest.length ? await matchExisting(tx, o, rest) : [];
  const memberIds = [...insertedOut.map((r) => r.id), ...existing.map((e) => e.id)];
  if (o.listId && memberIds.length) {
    const added = await queryRows<{ lead_id: string }>(
      tx,
      sql`insert into list_members (list_id, lead_id, workspace_id, added_at)
          select ${o.listId}::uuid, value::uuid, ${o.workspaceId}::uuid, ${now}::timestamptz from json_array_elements_text(${jsonIds(memberIds)}::json)
          on conflict do nothing returning lead_id`,
    );
    const addedSet = new Set(added.map((a) => a.lead_id));
    for (const e of existing) e.addedToList = addedSet.has(e.id);
  }
  return { inserted: insertedOut, existing };
}

async function matchExisting(
  tx: Tx,
  o: { workspaceId: string; actor: string; now: Date },
  rest: BatchRow[],
): Promise<ExistingMatch[]> {
  const keys = rest.map((r) => r.lead.linkedinKey).filter((k): k is string => !!k);
  const emails = rest.map((r) => r.lead.email).filter((k): k is string => !!k);
  const found = await queryRows<
    Record<string, string | null> & { id: string; custom_fields: Record<string, string> }
  >(
    tx,
    sql`select id, ${colList}, custom_fields from leads
        where workspace_id = ${o.workspaceId}::uuid
          and (linkedin_key in (select json_array_elements_text(${jsonIds(keys)}::json))
               or email in (select json_array_elements_text(${jsonIds(emails)}::json)))`,
  );
  const byLi = new Map(found.filter((f) => f.linkedin_key).map((f) => [f.linkedin_key!, f]));
  const byEm = new Map(found.filter((f) => f.email).map((f) => [f.email!, f]));
  const out: ExistingMatch[] = [];
  const updates: { id: string; set: Record<string, string>; custom: Record<string, string> }[] = [];
  for (const r of rest) {
    const hit =
      (r.lead.linkedinKey && byLi.get(r.lead.linkedinKey)) || (r.lead.email && byEm.get(r.lead.email));
    if (!hit) continue; // lost a race with a concurrent delete: nothing to attach to
    const set: Record<string, string> = {};
    for (const [k, col] of leadColumns) {
      const v = r.lead[k] as string | undefined;
      // Only blanks are filled, and identity columns are never changed by an import.
      if (v && !hit[col] && k !== "linkedinKey" && k !== "email" && k !== "linkedinUrl") set[col] = v;
    }
    const custom: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.lead.customFields ?? {}))
      if (!(k in hit.custom_fields)) custom[k] = v;
    const filled = [...Object.keys(set), ...Object.keys(custom).map((k) => `custom.${k}`)];
    if (filled.length) updates.push({ id: hit.id, set, custom });
    out.push({ line: r.line, id: hit.id, addedToList: false, filled });
  }
  for (const u of updates) {
    const assignments = Object.entries(u.set).map(([col, v]) => sql`${sql.raw(col)} = ${v}`);
    assignments.push(sql`custom_fields = ${JSON.stringify(u.custom)}::jsonb || custom_fields`);
    assignments.push(sql`updated_at = ${o.now.toISOString()}::timestamptz`);
    await tx.execute(sql`update leads set ${sql.join(assignments, sql`, `)} where id = ${u.id}::uuid`);
  }
  return out;
}
