import { z } from "zod";
import {
  addBlocklistEntry,
  importBlocklist,
  listBlocklist,
  removeBlocklistEntries,
} from "../../app/blocklist/blocklist";
import type { AppContext } from "../../app/context";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam, okSchema } from "../schemas";
import type { Api } from "../server";

const entrySchema = z.object({
  id: z.string(),
  kind: z.enum(["domain", "email"]),
  value: z.string(),
  reason: z.string(),
  createdAt: z.date(),
});

export function blocklistRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  app.get(
    "/api/blocklist",
    {
      preHandler: auth,
      schema: {
        tags: ["blocklist"],
        summary: "Blocked domains and emails",
        response: { 200: z.array(entrySchema), ...authErrors },
      },
    },
    (req) => listBlocklist(ctx, actorOf(req)),
  );
  app.post(
    "/api/blocklist",
    {
      preHandler: auth,
      schema: {
        tags: ["blocklist"],
        summary: "Block a domain (covers its subdomains) or an email address",
        body: z.object({
          value: z.string().trim().min(1, "required").max(320),
          reason: z.string().max(200).optional(),
        }),
        response: {
          201: z.object({ kind: z.enum(["domain", "email"]), value: z.string(), added: z.boolean() }),
          ...authErrors,
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addBlocklistEntry(ctx, actorOf(req), req.body.value, req.body.reason)),
  );
  app.post(
    "/api/blocklist/import",
    {
      preHandler: auth,
      schema: {
        tags: ["blocklist"],
        summary:
          "Add many entries from a file's text (one per line or first CSV column); bad lines are reported",
        body: z.object({ text: z.string().max(20_000_000) }),
        response: {
          200: z.object({
            added: z.number(),
            alreadyListed: z.number(),
            errors: z.array(z.object({ line: z.number(), error: z.string() })),
          }),
          ...authErrors,
        },
      },
    },
    (req) => importBlocklist(ctx, actorOf(req), req.body.text),
  );
  app.delete(
    "/api/blocklist/:id",
    {
      preHandler: auth,
      schema: {
        tags: ["blocklist"],
        summary: "Unblock an entry",
        params: idParam,
        response: { 200: okSchema, ...authErrors },
      },
    },
    async (req) => {
      await removeBlocklistEntries(ctx, actorOf(req), [req.params.id]);
      return { ok: true as const };
    },
  );
}
