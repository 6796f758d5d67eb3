import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../client";

/** Sortable columns: the SQL expression ordered by. Text columns sort as coalesce(col, '') (indexed for name and company). */
export const leadSortColumns = {
  createdAt: sql`created_at`,
  updatedAt: sql`updated_at`,
  lastName: sql`coalesce(last_name, '')`,
  firstName: sql`coalesce(first_name, '')`,
  company: sql`coalesce(company, '')`,
  companyDomain: sql`coalesce(company_domain, '')`,
  jobTitle: sql`coalesce(job_title, '')`,
  location: sql`coalesce(location, '')`,
  email: sql`coalesce(email, '')`,
  status: sql`status`,
  opens: sql`opens`,
} as const;
export type LeadSortKey = keyof typeof leadSortColumns;

export type LeadFilter = {
  workspaceId: string;
  search?: string;
  statuses?: string[];
  listId?: string;
  emailStatus?: string;
  ids?: string[];
};

export type LeadRowSql = Record<string, unknown> & { id: string; sort_value: unknown };

export function leadWhere(f: LeadFilter): SQL {
  const parts: SQL[] = [sql`l.workspace_id = ${f.workspaceId}::uuid`];
  const q = f.search?.trim().toLowerCase();
  if (q) {
    const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    // Folded by the same function as the stored text, so "muller" finds "Müller".
    parts.push(sql`l.search_text like '%' || overture_fold(${like}) || '%'`);
  }
  if (f.statuses?.length)
    parts.push(
      sql`l.status in (${sql.join(
        f.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.emailStatus === "none") parts.push(sql`l.email is null`);
  else if (f.emailStatus === "unverified") parts.push(sql`l.email is not null and l.email_status is null`);
  else if (f.emailStatus) parts.push(sql`l.email_status = ${f.emailStatus}`);
  if (f.listId)
    parts.push(
      sql`exists (select 1 from list_members m where m.lead_id = l.id and m.list_id = ${f.listId}::uuid)`,
    );
  if (f.ids) parts.push(sql`l.id in (select json_array_elements_text(${JSON.stringify(f.ids)}::json)::uuid)`);
  return sql.join(parts, sql` and `);
}

/**
 * One page in keyset order: (sort value, id) strictly after the cursor, so page 40,000 costs what
 * page 1 costs. The row comparison keeps both columns in one index range scan.
 */
export async function searchLeadRows(
  db: Db,
  f: LeadFilter & { sort: LeadSortKey; desc: boolean; limit: number; after?: [unknown, string] | null },
) {
  const col = leadSortColumns[f.sort];
  const expr = sql`${sql.raw("(")}${col}${sql.raw(")")}`;
  const where = [leadWhere(f)];
  if (f.after) {
    const [v, id] = f.after;
    const cmp = f.desc ? sql.raw("<") : sql.raw(">");
    const value =
      f.sort === "createdAt" || f.sort === "updatedAt"
        ? sql`${v}::timestamptz`
        : f.sort === "opens"
          ? sql`${v}::int`
          : sql`${v}::text`;
    where.push(sql`(${expr}, l.id) ${cmp} (${value}, ${id}::uuid)`);
  }
  const dir = sql.raw(f.desc ? "desc" : "asc");
  return queryRows<LeadRowSql>(
    db,
    sql`select l.*, ${expr} as sort_value from leads l where ${sql.join(where, sql` and `)}
        order by ${expr} ${dir}, l.id ${dir} limit ${f.limit}`,
  );
}
