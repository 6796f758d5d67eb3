import { z } from "zod";
import type { AppContext } from "../../app/context";
import {
  addLeadsToList,
  createList,
  deleteList,
  duplicateList,
  listLists,
  removeLeadsFromList,
  updateList,
} from "../../app/lists/lists";
import { leadSources } from "../../db/schema";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";

const listSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(leadSources),
  description: z.string(),
  createdAt: z.date(),
});
const leadIds = z.object({ leadIds: z.array(z.string().uuid("must be lead ids")).min(1).max(10_000) });

export function listRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/lists",
    {
      preHandler: auth,
      schema: {
        tags: ["lists"],
        summary: "Lists with their lead counts",
        response: { 200: z.array(listSchema.extend({ leadCount: z.number() })), ...authErrors },
      },
    },
    (req) => listLists(ctx, actorOf(req)),
  );
  app.post(
    "/api/lists",
    {
      preHandler: auth,
      schema: {
        tags: ["lists"],
        summary: "Create a list",
        body: z.object({
          name: z.string().trim().min(1, "required").max(120),
          source: z.enum(leadSources).optional(),
          description: z.string().max(1000).optional(),
        }),
        response: { 201: listSchema, ...authErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createList(ctx, actorOf(req), req.body)),
  );
  app.patch(
    "/api/lists/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["lists"],
        summary: "Rename a list or change its description",
        params: idParam,
        body: z.object({
          name: z.string().trim().min(1).max(120).optional(),
          description: z.string().max(1000).optional(),
        }),
        response: { 200: listSchema, ...authErrors },
      },
    },
    (req) => updateList(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/api/lists/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["lists"],
        summary:
          "Delete a list; its leads stay unless deleteLeads=true (then leads in no other list are deleted)",
        params: idParam,
        querystring: z.object({ deleteLeads: z.enum(["true", "false"]).optional() }),
        response: { 200: z.object({ deletedLeads: z.number() }), ...authErrors },
      },
    },
    (req) => deleteList(ctx, actorOf(req), req.params.id, { deleteLeads: req.query.deleteLeads === "true" }),
  );
  app.post(
    "/api/lists/:id/duplicate",
    {
      preHandler: auth,
      schema: {
        tags: ["lists"],
        summary: "Copy a list's memberships into a new list",
        params: idParam,
        body: z.object({ name: z.string().trim().max(120).optional() }),
        response: { 201: listSchema, ...authErrors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await duplicateList(ctx, actorOf(req), req.params.id, req.body.name)),
  );
  app.post(
    "/api/lists/:id/members",
    {
      preHandler: auth,
      schema: {
        tags: ["lists"],
        summary: "Add leads to a list (already-present ones are reported, not duplicated)",
        params: idParam,
        body: leadIds,
        response: {
          200: z.object({ added: z.number(), alreadyInList: z.number(), notFound: z.number() }),
          ...authErrors,
        },
      },
    },
    (req) => addLeadsToList(ctx, actorOf(req), req.params.id, req.body.leadIds),
  );
  app.post(
    "/api/lists/:id/members/remove",
    {
      preHandler: auth,
      schema: {
        tags: ["lists"],
        summary: "Remove leads from a list (the leads stay)",
        params: idParam,
        body: leadIds,
        response: { 200: z.object({ removed: z.number() }), ...authErrors },
      },
    },
    (req) => removeLeadsFromList(ctx, actorOf(req), req.params.id, req.body.leadIds),
  );
}
