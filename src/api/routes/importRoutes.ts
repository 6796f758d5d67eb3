import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context";
import { startImport } from "../../app/imports/startImport";
import { getList } from "../../app/lists/lists";
import { previewImport } from "../../app/imports/previewImport";
import { rejectedRowsCsv } from "../../app/imports/rejectedRows";
import { getImport, listImports, storeUpload } from "../../app/imports/uploads";
import { textEncodings } from "../../domain/imports/detectEncoding";
import { AppError } from "../../domain/appError";
import { leadFieldKeys } from "../../domain/leadFields";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";

const mappingSchema = z.array(
  z.object({
    index: z.number().int().min(0),
    target: z.enum([...leadFieldKeys, "fullName", "custom", "ignore"]),
    customKey: z.string().max(60).optional(),
  }),
);
const importSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.string(),
  sizeBytes: z.number(),
  listId: z.string().nullable(),
  status: z.string(),
  jobId: z.number().nullable(),
  progress: z.object({ done: z.number(), total: z.number().nullable() }),
  error: z.string().nullable(),
  report: z.unknown(),
  createdAt: z.date(),
});
const readChoiceSchema = z.object({
  encoding: z.enum(textEncodings).optional(),
  delimiter: z.enum([",", ";", "\t", "|"]).optional(),
});
const previewSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: z.string(),
  sizeBytes: z.number(),
  rowEstimate: z.number().nullable(),
  encoding: z.string().nullable(),
  encodingDetected: z.boolean(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.array(
    z.object({
      index: z.number(),
      header: z.string(),
      target: z.string(),
      customKey: z.string().optional(),
      confidence: z.string(),
      samples: z.array(z.string()),
    }),
  ),
  sampleRows: z.array(z.array(z.string())),
});

/** Reads a multipart upload: the file is streamed into storage; a `mapping` text field (JSON) may come first. */
async function receiveUpload(ctx: AppContext, req: FastifyRequest) {
  if (!req.isMultipart())
    throw new AppError("validation", "send the file as multipart/form-data in a field named file", {
      field: "file",
    });
  let mapping: unknown = null;
  let stored: Awaited<ReturnType<typeof storeUpload>> | null = null;
  for await (const part of req.parts()) {
    if (part.type === "file") {
      if (stored) throw new AppError("validation", "send one file per import", { field: "file" });
      stored = await storeUpload(ctx, actorOf(req), part.filename || "upload.csv", part.file);
    } else if (part.fieldname === "mapping" && typeof part.value === "string" && part.value.trim()) {
      try {
        mapping = JSON.parse(part.value);
      } catch {
        throw new AppError("validation", "mapping must be JSON", { field: "mapping" });
      }
    }
  }
  if (!stored)
    throw new AppError("validation", "no file received: use a multipart field named file", { field: "file" });
  const parsed = mapping === null ? null : mappingSchema.safeParse(mapping);
  if (parsed && !parsed.success)
    throw new AppError("validation", `mapping: ${parsed.error.issues[0]?.message}`, { field: "mapping" });
  return { stored, mapping: parsed?.data ?? null };
}

export function importRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.post(
    "/api/imports",
    {
      preHandler: auth,
      schema: {
        tags: ["imports"],
        summary:
          "Upload a CSV/XLSX (multipart field `file`) and get the proposed column mapping with sample values",
        consumes: ["multipart/form-data"],
        response: { 201: previewSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const { stored } = await receiveUpload(ctx, req);
      return reply.status(201).send(await previewImport(ctx, actorOf(req), stored.id));
    },
  );
  app.get(
    "/api/imports",
    {
      preHandler: auth,
      schema: {
        tags: ["imports"],
        summary: "Recent imports with progress and reports",
        response: { 200: z.array(importSchema), ...authErrors },
      },
    },
    (req) => listImports(ctx, actorOf(req)),
  );
  app.get(
    "/api/imports/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["imports"],
        summary: "An import: status, progress (rows done/total) and the report",
        params: idParam,
        response: { 200: importSchema, ...authErrors },
      },
    },
    (req) => getImport(ctx, actorOf(req), req.params.id),
  );
  app.get(
    "/api/imports/:id/preview",
    {
      preHandler: auth,
      schema: {
        tags: ["imports"],
        summary:
          "The proposed mapping of an uploaded file again, optionally read with another encoding or delimiter (kept for the import)",
        params: idParam,
        querystring: readChoiceSchema,
        response: { 200: previewSchema, ...authErrors },
      },
    },
    (req) => previewImport(ctx, actorOf(req), req.params.id, req.query),
  );
  app.get(
    "/api/imports/:id/rejected.csv",
    {
      preHandler: auth,
      schema: {
        tags: ["imports"],
        summary:
          "The rows the import rejected, as CSV: the file's own columns, then the line and the reason; fix them and import this file again",
        params: idParam,
      },
    },
    async (req, reply) => {
      const rows = rejectedRowsCsv(ctx, actorOf(req), req.params.id);
      // The first piece (header) is read before answering, so an unknown import is a 404, not a broken download.
      const first = await rows.next();
      const stream = Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          yield* rows;
        })(),
      );
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="rejected-rows-${req.params.id}.csv"`)
        .send(stream);
    },
  );
  app.post(
    "/api/imports/:id/start",
    {
      preHandler: auth,
      schema: {
        tags: ["imports"],
        summary: "Import an uploaded file into a list, in the background, with an optional corrected mapping",
        params: idParam,
        body: z.object({ listId: z.string().uuid("must be a list id"), mapping: mappingSchema.optional() }),
        response: { 202: importSchema, ...authErrors },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await startImport(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    "/api/lists/:id/imports",
    {
      preHandler: auth,
      schema: {
        tags: ["imports"],
        summary:
          "Upload and import a file into this list in one call (multipart: optional `mapping` JSON field, then `file`)",
        consumes: ["multipart/form-data"],
        params: idParam,
        response: { 202: importSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      await getList(ctx, actorOf(req), req.params.id);
      const { stored, mapping } = await receiveUpload(ctx, req);
      return reply
        .status(202)
        .send(await startImport(ctx, actorOf(req), stored.id, { listId: req.params.id, mapping }));
    },
  );
}
