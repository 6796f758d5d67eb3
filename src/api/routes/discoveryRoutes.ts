import { z } from "zod";
import type { AppContext } from "../../app/context";
import {
  createDiscoverySearch,
  getDiscoverySearch,
  listDiscoverySearches,
  MAX_RESULTS,
  presentSearch,
  previewDiscovery,
} from "../../app/discovery/discovery";
import { discoveryProviderKeys } from "../../app/discovery/discoveryProviders";
import { interpretQuery } from "../../app/discovery/interpretQuery";
import { discoveryFiltersSchema } from "../../domain/discovery/discoveryFilters";
import { discoveryJob } from "../../jobs/definitions/discoveryJob";
import { enqueue } from "../../jobs/enqueue";
import { actorOf, authenticate } from "../authenticate";
import { authErrors } from "../schemas";
import type { Api } from "../server";
import { interpretSchema, previewSchema, savedSearchSchema } from "./integrationSchemas";

const provider = z.enum(discoveryProviderKeys);

/** Discovery: describe people in plain words, check the filters, preview, then collect into a list. */
export function discoveryRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.post(
    "/api/discovery/interpret",
    {
      preHandler: auth,
      schema: {
        tags: ["discovery"],
        summary:
          "Turn a plain-language description into editable filters (the LLM when one is configured, else the built-in parser)",
        body: z.object({ text: z.string().trim().min(1, "describe the people to find").max(2000) }),
        response: { 200: interpretSchema, ...authErrors },
      },
    },
    (req) => interpretQuery(ctx, actorOf(req).workspaceId, req.body.text),
  );
  app.post(
    "/api/discovery/preview",
    {
      preHandler: auth,
      schema: {
        tags: ["discovery"],
        summary: "The first results of a search and the total, without saving anything",
        body: z.object({ provider, filters: discoveryFiltersSchema }),
        response: { 200: previewSchema, ...authErrors },
      },
    },
    (req) => previewDiscovery(ctx, actorOf(req), req.body),
  );
  app.post(
    "/api/discovery/searches",
    {
      preHandler: auth,
      schema: {
        tags: ["discovery"],
        summary:
          "Save a search and collect up to `count` people into a new list (source: discovery) in the background",
        body: z.object({
          name: z.string().trim().max(200).optional(),
          query: z.string().max(2000).optional(),
          provider,
          filters: discoveryFiltersSchema,
          count: z.number().int().min(1).max(MAX_RESULTS),
        }),
        response: { 202: z.object({ search: savedSearchSchema, jobId: z.number() }), ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const search = await createDiscoverySearch(ctx, actor, req.body);
      const job = await enqueue(ctx, discoveryJob, actor.workspaceId, {
        searchId: search.id,
        actorLabel: actor.label,
        userId: actor.userId,
      });
      return reply.status(202).send({ search, jobId: job.id });
    },
  );
  app.get(
    "/api/discovery/searches",
    {
      preHandler: auth,
      schema: {
        tags: ["discovery"],
        summary: "Saved searches, newest first, with their progress",
        response: { 200: z.array(savedSearchSchema), ...authErrors },
      },
    },
    (req) => listDiscoverySearches(ctx, actorOf(req)),
  );
  app.get(
    "/api/discovery/searches/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["discovery"],
        summary: "One saved search and its progress",
        params: z.object({ id: z.uuid() }),
        response: { 200: savedSearchSchema, ...authErrors },
      },
    },
    async (req) => presentSearch(await getDiscoverySearch(ctx, actorOf(req), req.params.id)),
  );
}
