import { and, asc, desc, eq, gt } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { importChunks, imports } from "../../db/schema";
import { getJobRow } from "../../db/queries/jobQueries";
import type { Actor, AppContext } from "../context";
import { getList } from "../lists/lists";
import { chunkedByteSource } from "./byteSource";
import { formatOf, type SheetSource } from "./readSpreadsheet";

const CHUNK_BYTES = 4 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/**
 * Stores an uploaded file in the database in chunks of exactly 4 MiB (the last one shorter), so a
 * byte offset maps to a chunk and a workbook can be read from its zip directory at the end.
 * Counts its lines for the progress bar.
 */
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
  const flush = async (all: boolean) => {
    let buf = Buffer.concat(pending);
    while (buf.length >= CHUNK_BYTES || (all && buf.length)) {
      const piece = buf.subarray(0, CHUNK_BYTES);
      await ctx.db
        .insert(importChunks)
        .values({ importId: imp!.id, seq: seq++, data: piece.toString("base64") });
      buf = buf.subarray(piece.length);
    }
    pending = buf.length ? [buf] : [];
    pendingBytes = buf.length;
  };
  for await (const c of stream) {
    // The format is known from the first bytes: an old binary .xls is refused before it is stored.
    if (!head) formatOf(fileName, (head = c.subarray(0, 8)));
    size += c.length;
    if (size > MAX_UPLOAD_BYTES)
      throw new AppError("validation", "the file is larger than 1 GiB", { field: "file" });
    for (let i = 0; i < c.length; i++) if (c[i] === 10) lines++;
    pending.push(c);
    pendingBytes += c.length;
    if (pendingBytes >= CHUNK_BYTES) await flush(false);
  }
  await flush(true);
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
async function* uploadChunks(ctx: AppContext, importId: string): AsyncGenerator<Uint8Array> {
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

async function readChunk(ctx: AppContext, importId: string, seq: number) {
  const [c] = await ctx.db
    .select()
    .from(importChunks)
    .where(and(eq(importChunks.importId, importId), eq(importChunks.seq, seq)));
  return c ? Buffer.from(c.data, "base64") : new Uint8Array();
}

/** A stored upload as a file to read: front to back for CSV, at random for a workbook. */
export function uploadSource(ctx: AppContext, imp: { id: string; sizeBytes: number }): SheetSource {
  return {
    stream: () => uploadChunks(ctx, imp.id),
    bytes: async () => chunkedByteSource(imp.sizeBytes, CHUNK_BYTES, (seq) => readChunk(ctx, imp.id, seq)),
  };
}

export async function getImportRow(ctx: AppContext, actor: Actor, id: string) {
  const [imp] = await ctx.db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.workspaceId, actor.workspaceId)));
  if (!imp) throw new AppError("not_found", "no such import in this workspace");
  return imp;
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
    error:
      job?.status === "failed"
        ? job.error
        : imp.status === "failed"
          ? ((imp.report as { error?: string } | null)?.error ?? null)
          : null,
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
