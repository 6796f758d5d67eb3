import { z } from "zod";
import { listAuditEvents } from "../../app/auditLog/listAuditEvents";
import type { AppContext } from "../../app/context";
import { actorOf, authenticate } from "../authenticate";
import { authErrors } from "../schemas";
import type { Api } from "../server";

const auditEventSchema = z.object({
  id: z.string(),
  actor: z.string().describe("Who: an email, an API key's name, or CLI"),
  action: z.string().describe("e.g. sender.credentials_changed, member.role_changed, sign_in.new_device"),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).describe("Which fields changed; never a secret"),
  createdAt: z.date(),
});

export function auditLogRoutes(app: Api, ctx: AppContext) {
  app.get(
    "/api/audit-log",
    {
      preHandler: authenticate(ctx, "manage_members"),
      schema: {
        tags: ["workspace"],
        summary:
          "The audit log: credential and role changes, API keys, new-device sign-ins (owners and admins)",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.date().optional().describe("Only events older than this (paging)"),
        }),
        response: { 200: z.array(auditEventSchema), ...authErrors },
      },
    },
    (req) => listAuditEvents(ctx, actorOf(req), req.query),
  );
}
