import { z } from "zod";
import type { AppContext } from "../../app/context";
import {
  checkSenderDomain,
  getSenderDomainCheck,
  overrideSenderDomainCheck,
} from "../../app/senders/checkSenderDomain";
import { findDkimSelector } from "../../app/senders/findDkimSelector";
import { senderDeliverabilityReport } from "../../app/senders/senderDeliverabilityReport";
import {
  getTrackingDomain,
  recheckTrackingDomain,
  setTrackingDomain,
} from "../../app/senders/trackingDomain";
import { SENDER_DOMAIN_CHECKS } from "../../domain/deliverability/senderDomainTypes";
import { actorOf, authenticate } from "../authenticate";
import { authErrors, idParam } from "../schemas";
import type { Api } from "../server";
import { dkimSelectorSchema } from "./outreachSchemas";

const domainCheckSchema = z.object({
  status: z.enum(["not_checked", "pass", "warn", "fail"]).describe("the worst result, or not_checked"),
  domain: z.string(),
  selector: z.string().nullable().describe("the DKIM selector checked; null when the common ones were tried"),
  checkedAt: z.date().nullable(),
  checkedBy: z.string().nullable(),
  checks: z.array(
    z.object({
      check: z.enum(SENDER_DOMAIN_CHECKS),
      result: z.enum(["pass", "warn", "fail"]),
      message: z.string().describe("one sentence: what was found and what to fix"),
      evidence: z.string().optional().describe("the records the result is based on"),
    }),
  ),
  override: z
    .object({ by: z.string(), at: z.date(), reason: z.string() })
    .nullable()
    .describe("set when a person chose to launch despite the failing checks"),
});

const trackingDomainSchema = z.object({
  domain: z.string().nullable().describe("the sender's tracking domain, e.g. track.acme.com; null when none"),
  target: z.string().describe("the host its CNAME must point to: the host of PUBLIC_URL"),
  status: z
    .enum(["none", "not_checked", "pass", "fail"])
    .describe("not_checked: set, but not checked for this domain and this PUBLIC_URL"),
  inUse: z
    .boolean()
    .describe("true when open, click and unsubscribe links in this sender's mail use the domain"),
  message: z.string().nullable().describe("one sentence: what the last check found and what to fix"),
  evidence: z.string().nullable().describe("what the name pointed to when checked"),
  checkedAt: z.string().nullable(),
  checkedBy: z.string().nullable(),
  linkBase: z.string().describe("where the links in this sender's mail point now"),
});

const countsByClass = z.object({
  permanent: z.number(),
  temporary: z.number(),
  policy: z.number(),
  undetermined: z.number(),
});

const deliverabilitySchema = z.object({
  sender: z.object({
    id: z.string(),
    name: z.string(),
    fromEmail: z.string(),
    kind: z.string(),
    pausedAt: z.date().nullable(),
    pausedReason: z.string().nullable(),
  }),
  timezone: z.string().describe("the workspace's time zone, in which the days are counted"),
  days: z.array(
    z.object({
      day: z.string().describe("YYYY-MM-DD"),
      sent: z.number(),
      bounced: countsByClass.describe("delivery reports that came back that day, by class"),
      complaints: z.number(),
      replies: z.number().describe("human replies from leads this sender wrote to"),
    }),
  ),
  totals: z.object({ sent: z.number(), bounced: z.number(), complaints: z.number(), replies: z.number() }),
  ramp: z.object({
    startCap: z.number().nullable(),
    perDay: z.number().nullable(),
    dailyCap: z.number(),
    todayCap: z.number().describe("what the warm-up allows today"),
    fullCapOn: z
      .string()
      .nullable()
      .describe("the first day the full cap is allowed; null without a warm-up"),
    curve: z.array(z.object({ day: z.string(), cap: z.number() })),
  }),
  domainCheck: domainCheckSchema,
});

/** The DNS check of a sender's domain (MX, SPF, DKIM, DMARC, reverse DNS) and its override. */
export function senderDomainRoutes(app: Api, ctx: AppContext) {
  const auth = authenticate(ctx);
  // Like the sender's other settings, only owners and admins run checks and override them.
  const admin = authenticate(ctx, "manage_workspace");
  app.get(
    "/api/sender-accounts/:id/domain-check",
    {
      preHandler: auth,
      schema: {
        tags: ["senders"],
        summary: "The last domain check of a sender (not_checked when it never ran)",
        params: idParam,
        response: { 200: domainCheckSchema, ...authErrors },
      },
    },
    (req) => getSenderDomainCheck(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/sender-accounts/:id/domain-check",
    {
      preHandler: admin,
      schema: {
        tags: ["senders"],
        summary:
          "Look up the sender's domain (MX, SPF, DKIM, DMARC, reverse DNS of the SMTP host) and keep the result; a failing check holds launches",
        params: idParam,
        body: z
          .object({
            dkimSelector: dkimSelectorSchema
              .nullable()
              .optional()
              .describe("saved on the sender first; empty or null tries the common selectors"),
          })
          .default({}),
        response: { 200: domainCheckSchema, ...authErrors },
      },
    },
    (req) => checkSenderDomain(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/sender-accounts/:id/deliverability",
    {
      preHandler: auth,
      schema: {
        tags: ["senders"],
        summary:
          "A sender's last 30 days (sent, bounces by class, complaints, replies), its warm-up curve and domain check",
        params: idParam,
        response: { 200: deliverabilitySchema, ...authErrors },
      },
    },
    (req) => senderDeliverabilityReport(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/sender-accounts/:id/domain-check/find-dkim",
    {
      preHandler: admin,
      schema: {
        tags: ["senders"],
        summary:
          "Find the DKIM selector from a test message the sender sends itself (read back over its IMAP settings and deleted), save it and check the domain with it",
        params: idParam,
        response: { 200: domainCheckSchema, ...authErrors },
      },
    },
    (req) => findDkimSelector(ctx, actorOf(req), req.params.id),
  );
  app.post(
    "/api/sender-accounts/:id/domain-check/override",
    {
      preHandler: admin,
      schema: {
        tags: ["senders"],
        summary: "Launch anyway: the failing checks of the last result stop holding launches (audit-logged)",
        params: idParam,
        body: z.object({ reason: z.string().trim().min(1, "say why").max(500) }),
        response: { 200: domainCheckSchema, ...authErrors },
      },
    },
    (req) => overrideSenderDomainCheck(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  app.get(
    "/api/sender-accounts/:id/tracking-domain",
    {
      preHandler: auth,
      schema: {
        tags: ["senders"],
        summary: "The sender's custom tracking domain, its last check and where its links point",
        params: idParam,
        response: { 200: trackingDomainSchema, ...authErrors },
      },
    },
    (req) => getTrackingDomain(ctx, actorOf(req), req.params.id),
  );
  app.put(
    "/api/sender-accounts/:id/tracking-domain",
    {
      preHandler: admin,
      schema: {
        tags: ["senders"],
        summary:
          "Set (or with null remove) the sender's tracking domain and check its CNAME at once; links use it only once the check passes",
        params: idParam,
        body: z.object({
          domain: z
            .string()
            .max(300)
            .nullable()
            .describe(
              "a host name such as track.acme.com, a CNAME to the host of PUBLIC_URL; null removes it",
            ),
        }),
        response: { 200: trackingDomainSchema, ...authErrors },
      },
    },
    (req) => setTrackingDomain(ctx, actorOf(req), req.params.id, req.body.domain),
  );
  app.post(
    "/api/sender-accounts/:id/tracking-domain/check",
    {
      preHandler: admin,
      schema: {
        tags: ["senders"],
        summary: "Look the tracking domain up again (after fixing its DNS record) and keep the result",
        params: idParam,
        response: { 200: trackingDomainSchema, ...authErrors },
      },
    },
    (req) => recheckTrackingDomain(ctx, actorOf(req), req.params.id),
  );
}
