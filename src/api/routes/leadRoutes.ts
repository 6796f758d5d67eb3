import { Readable } from "node:stream";
import { z } from "zod";
import type { AppContext } from "../../app/context";
import { leadDetailSchemaExtras } from "./leadDetailSchema";
import { createLead, deleteLeads, setLeadStatus, updateLead } from "../../app/leads/editLeads";
import { exportLeadsCsv } from "../../app/leads/exportLeads";
import { exportLeadData } from "../../app/leads/gdprExport";
import { getLead, leadTimeline } from "../../app/leads/leadDetail";
import { searchLeads } from "../../app/leads/searchLeads";
import { addLeadsToList, removeLeadsFromList } from "../../app/lists/lists";
import { AppError } from "../../domain/appError";
import { leadStatuses } from "../../domain/leadStatus";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam, okSchema } from "../schemas";
import type { Api } from "../server";
import { leadInputSchema, leadPatchSchema, leadQuerySchema, leadSchema } from "./leadSchemas";

const bulkSchema = z.object({
  action: z.enum(["add_to_list", "remove_from_list", "set_status", "delete"]),
  ids: z.array(z.string().uuid("must be lead ids")).min(1, "select at least one lead").max(10_000),
  listId: z.string().uuid().optional(),
  status: z.enum(leadStatuses).optional(),
});

export function leadRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/leads",
    {
      preHandler: auth,
      schema: {
        tags: ["leads"],
        summary:
          "Search, filter and sort leads; keyset pages of 25 (pass nextCursor as cursor). sort: createdAt, lastName, company, status… with - for descending",
        querystring: leadQuerySchema,
        response: {
          200: z.object({ items: z.array(leadSchema), nextCursor: z.string().nullable() }),
          ...authErrors,
        },
      },
    },
    (req) => searchLeads(ctx, actorOf(req), { ...req.query, statuses: req.query.status }),
  );
  app.get(
    "/api/leads/export.csv",
    {
      preHandler: authenticate(ctx, "manage_workspace"),
      schema: {
        tags: ["leads"],
        summary:
          "Export the leads matching the filters (or ids) as CSV, safe to open in spreadsheets (owners and admins: an export takes the whole list out)",
        querystring: leadQuerySchema.extend({
          ids: z
            .string()
            .optional()
            .transform((s) => (s ? s.split(",").filter(Boolean) : undefined))
            .pipe(z.array(z.string().uuid("each id must be a lead id")).max(100_000).optional()),
        }),
      },
    },
    async (req, reply) => {
      const { ids, ...q } = req.query;
      const rows = exportLeadsCsv(ctx, actorOf(req), { ...q, statuses: q.status, ids });
      // The first chunk is read before answering, so a bad sort or filter is a 400, not an
      // error in the middle of a 200 stream.
      const first = await rows.next();
      const stream = Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          yield* rows;
        })(),
      );
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="leads.csv"');
      return reply.send(stream);
    },
  );
  app.post(
    "/api/leads",
    {
      preHandler: auth,
      schema: {
        tags: ["leads"],
        summary: "Add one lead by hand (needs a LinkedIn URL or an email), optionally to a list",
        body: leadInputSchema.extend({ listId: z.string().uuid().optional() }),
        response: { 201: leadSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createLead(ctx, actorOf(req), clean(req.body))),
  );
  app.post(
    "/api/leads/bulk",
    {
      preHandler: auth,
      schema: {
        tags: ["leads"],
        summary:
          "Bulk action on selected leads: add_to_list, remove_from_list (listId), set_status (status), delete",
        body: bulkSchema,
        response: {
          200: z.object({
            added: z.number().optional(),
            alreadyInList: z.number().optional(),
            notFound: z.number().optional(),
            removed: z.number().optional(),
            changed: z.number().optional(),
            deleted: z.number().optional(),
          }),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const a = actorOf(req);
      const b = req.body;
      if ((b.action === "add_to_list" || b.action === "remove_from_list") && !b.listId)
        throw new AppError("validation", "listId is required for this action", { field: "listId" });
      if (b.action === "set_status" && !b.status)
        throw new AppError("validation", "status is required for set_status", { field: "status" });
      if (b.action === "add_to_list") return addLeadsToList(ctx, a, b.listId!, b.ids);
      if (b.action === "remove_from_list") return removeLeadsFromList(ctx, a, b.listId!, b.ids);
      if (b.action === "set_status") return setLeadStatus(ctx, a, b.ids, b.status!);
      return deleteLeads(ctx, a, b.ids);
    },
  );
  app.get(
    "/api/leads/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["leads"],
        summary: "One lead with its lists and enrichment data",
        params: idParam,
        response: { 200: leadSchema.extend(leadDetailSchemaExtras), ...authErrors },
      },
    },
    (req) => getLead(ctx, actorOf(req), req.params.id),
  );
  app.patch(
    "/api/leads/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["leads"],
        summary: "Edit a lead's fields or status (each change lands on its timeline)",
        params: idParam,
        body: leadPatchSchema,
        response: { 200: leadSchema, ...authErrors },
      },
    },
    (req) => updateLead(ctx, actorOf(req), req.params.id, clean(req.body)),
  );
  app.delete(
    "/api/leads/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["leads"],
        summary: "Delete a lead for good, with its timeline and messages (GDPR erasure)",
        params: idParam,
        response: { 200: okSchema, ...authErrors },
      },
    },
    async (req) => {
      const r = await deleteLeads(ctx, actorOf(req), [req.params.id]);
      if (!r.deleted) throw new AppError("not_found", "no such lead in this workspace");
      return { ok: true as const };
    },
  );
  app.get(
    "/api/leads/:id/timeline",
    {
      preHandler: auth,
      schema: {
        tags: ["leads"],
        summary: "Every event of a lead, newest first",
        params: idParam,
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              type: z.string(),
              actor: z.string(),
              data: z.record(z.string(), z.unknown()),
              at: z.date(),
            }),
          ),
          ...authErrors,
        },
      },
    },
    (req) => leadTimeline(ctx, actorOf(req), req.params.id),
  );
  app.get(
    "/api/leads/:id/export",
    {
      preHandler: auth,
      schema: {
        tags: ["leads"],
        summary: "Everything stored about this person as JSON (GDPR access request)",
        params: idParam,
      },
    },
    async (req, reply) => {
      const data = await exportLeadData(ctx, actorOf(req), req.params.id);
      reply.header("content-disposition", `attachment; filename="lead-${req.params.id}.json"`);
      return data;
    },
  );
}

/** Nulls from the client mean "clear"; undefined means "leave". */
function clean<T extends Record<string, unknown>>(body: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) out[k] = v === null ? "" : v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}
