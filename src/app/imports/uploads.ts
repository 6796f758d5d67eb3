import { and, asc, desc, eq, gt } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { leadFieldKeys } from "../../domain/leadFields";
import { matchColumns } from "../../domain/imports/matchColumns";
import { importChunks, imports } from "../../db/schema";
import { getJobRow } from "../../db/queries/jobQueries";
import type { Actor, AppContext } from "../context";
import { getList } from "../lists/lists";
import type { MappingInput } from "./importLeads";
import { formatOf, readRows } from "./readSpreadsheet";

const CHUNK_BYTES = 4 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** Stores an uploaded file in the database in 4 MiB chunks, counting its lines for progress. */
export async function storeUpload(
  ctx: AppContext,
  actor: Actor,
  fileName: string,
  stream: AsyncIterable<Uint8Array>,
) {
  const [imp] = await ctx.db
    .insert(imports)
    .values({
      workspaceId: actor.workspaceId,
      fileName,
      format: "csv",
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  let seq = 0;
  let size = 0;
  let lines = 0;
  let head: Uint8Array | null = null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!pendingBytes) return;
    const buf = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await ctx.db.insert(importChunks).values({ importId: imp!.id, seq: seq++, data: buf.toString("base64") });
  };
  for await (const c of stream) {
    head ??= c.subarray(0, 8);
    size += c.length;
    if (size > MAX_UPLOAD_BYTES)
      throw new AppError("validation", "the file is larger than 1 GiB", { field: "file" });
    for (let i = 0; i < c.length; i++) if (c[i] === 10) lines++;
    pending.push(c);
    pendingBytes += c.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  if (!size) throw new AppError("validation", "the file is empty", { field: "file" });
  const format = formatOf(fileName, head ?? undefined);
  const [row] = await ctx.db
    .update(imports)
    .set({ format, sizeBytes: size, rowEstimate: format === "csv" ? Math.max(lines, 1) : 0 })
    .where(eq(imports.id, imp!.id))
    .returning();
  return row!;
}

/** Reads the stored file back one chunk at a time. */
export async function* uploadChunks(ctx: AppContext, importId: string): AsyncGenerator<Uint8Array> {
  let seq = -1;
  for (;;) {
    const [c] = await ctx.db
      .select()
      .from(importChunks)
      .where(and(eq(importChunks.importId, importId), gt(importChunks.seq, seq)))
      .orderBy(asc(importChunks.seq))
      .limit(1);
    if (!c) return;
    seq = c.seq;
    yield Buffer.from(c.data, "base64");
  }
}

export async function getImportRow(ctx: AppContext, actor: Actor, id: string) {
  const [imp] = await ctx.db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.workspaceId, actor.workspaceId)));
  if (!imp) throw new AppError("not_found", "no such import in this workspace");
  return imp;
}

/** Header, proposed mapping with sample values, and a row estimate: what the user reviews before importing. */
export async function previewImport(ctx: AppContext, actor: Actor, id: string) {
  const imp = await getImportRow(ctx, actor, id);
  const rows: string[][] = [];
  for await (const r of readRows(imp.format, uploadChunks(ctx, id))) {
    rows.push(r.cells);
    if (rows.length > 20) break;
  }
  if (!rows.length) throw new AppError("validation", "the file has no rows", { field: "file" });
  const [header, ...samples] = rows;
  return {
    importId: imp.id,
    fileName: imp.fileName,
    format: imp.format,
    sizeBytes: imp.sizeBytes,
    rowEstimate: imp.format === "csv" ? Math.max(imp.rowEstimate - 1, 0) : null,
    headers: header!,
    mapping: matchColumns(header!, samples),
    sampleRows: samples.slice(0, 5),
  };
}

export function validateMapping(mapping: MappingInput[], columns: number) {
  const seen = new Set<string>();
  for (const m of mapping) {
    if (m.index < 0 || m.index >= columns)
      throw new AppError("validation", `mapping refers to column ${m.index + 1}, the file has ${columns}`, {
        field: "mapping",
      });
    const fieldTarget = (leadFieldKeys as readonly string[]).includes(m.target);
    if (!fieldTarget && !["custom", "ignore", "fullName"].includes(m.target))
      throw new AppError("validation", `unknown mapping target "${m.target}"`, { field: "mapping" });
    if (fieldTarget || m.target === "fullName") {
      if (seen.has(m.target))
        throw new AppError("validation", `two columns are mapped to ${m.target}`, { field: "mapping" });
      seen.add(m.target);
    }
  }
}

export async function listImports(ctx: AppContext, actor: Actor) {
  const rows = await ctx.db
    .select()
    .from(imports)
    .where(eq(imports.workspaceId, actor.workspaceId))
    .orderBy(desc(imports.createdAt))
    .limit(50);
  return Promise.all(rows.map((r) => presentImport(ctx, r)));
}

export async function presentImport(ctx: AppContext, imp: typeof imports.$inferSelect) {
  const job = imp.jobId ? await getJobRow(ctx.db, imp.workspaceId, imp.jobId) : null;
  const status = job?.status === "failed" ? "failed" : imp.status;
  return {
    id: imp.id,
    fileName: imp.fileName,
    format: imp.format,
    sizeBytes: imp.sizeBytes,
    listId: imp.listId,
    status,
    jobId: imp.jobId,
    progress: { done: job?.progressDone ?? 0, total: job?.progressTotal ?? null },
    error: job?.status === "failed" ? job.error : null,
    report: imp.report ?? null,
    createdAt: imp.createdAt,
  };
}

export async function getImport(ctx: AppContext, actor: Actor, id: string) {
  return presentImport(ctx, await getImportRow(ctx, actor, id));
}

export async function assertListOf(ctx: AppContext, actor: Actor, listId: string) {
  await getList(ctx, actor, listId);
}

/** The CLI imports from disk without an upload; it still records the import so timelines can name the file. */
export async function createImportRecord(
  ctx: AppContext,
  actor: Actor,
  o: { fileName: string; format: "csv" | "xlsx"; listId: string; sizeBytes: number },
) {
  const [row] = await ctx.db
    .insert(imports)
    .values({
      workspaceId: actor.workspaceId,
      ...o,
      status: "running",
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return row!;
}
