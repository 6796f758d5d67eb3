import type { AppContext } from "../../app/context";
import type { Api } from "../server";
import { auditLogRoutes } from "./auditLogRoutes";
import { auditRoutes } from "./auditRoutes";
import { analyticsRoutes } from "./analyticsRoutes";
import { deliverabilityRoutes } from "./deliverabilityRoutes";
import { inboxRoutes } from "./inboxRoutes";
import { archiveRoutes } from "./archiveRoutes";
import { labRoutes } from "./labRoutes";
import { discoveryRoutes } from "./discoveryRoutes";
import { linkedinRoutes } from "./linkedinRoutes";
import { plusvibeRoutes } from "./plusvibeRoutes";
import { previewRoutes } from "./previewRoutes";
import { usageRoutes } from "./usageRoutes";
import { pipelineRoutes } from "./pipelineRoutes";
import { webhookRoutes } from "./webhookRoutes";
import { authRoutes } from "./authRoutes";
import { blocklistRoutes } from "./blocklistRoutes";
import { emailRoutes } from "./emailRoutes";
import { importRoutes } from "./importRoutes";
import { leadRoutes } from "./leadRoutes";
import { listRoutes } from "./listRoutes";
import { outreachRoutes } from "./outreachRoutes";
import { senderDomainRoutes } from "./senderDomainRoutes";
import { sequenceRoutes } from "./sequenceRoutes";
import { variantRoutes } from "./variantRoutes";
import { trackingRoutes } from "./trackingRoutes";
import { unsubscribeRoutes } from "./unsubscribeRoutes";
import { healthRoutes } from "./healthRoutes";
import { homeRoutes } from "./homeRoutes";
import { jobRoutes } from "./jobRoutes";
import { metricsRoutes } from "./metricsRoutes";
import { workspaceRoutes } from "./workspaceRoutes";

/** Every route group; later issues add theirs here. */
export function apiRoutes(app: Api, ctx: AppContext) {
  healthRoutes(app, ctx);
  metricsRoutes(app, ctx);
  authRoutes(app, ctx);
  workspaceRoutes(app, ctx);
  jobRoutes(app, ctx);
  leadRoutes(app, ctx);
  listRoutes(app, ctx);
  importRoutes(app, ctx);
  blocklistRoutes(app, ctx);
  // Before outreachRoutes: /api/sender-accounts/health must not be read as a sender id.
  deliverabilityRoutes(app, ctx);
  outreachRoutes(app, ctx);
  senderDomainRoutes(app, ctx);
  sequenceRoutes(app, ctx);
  variantRoutes(app, ctx);
  previewRoutes(app, ctx);
  // Only the unsubscribe page takes form posts (the page's button, RFC 8058 one-click clients).
  void app.register(async (forms) => {
    forms.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string" },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    unsubscribeRoutes(forms as Api, ctx);
  });
  trackingRoutes(app, ctx);
  auditRoutes(app, ctx);
  labRoutes(app, ctx);
  archiveRoutes(app, ctx);
  pipelineRoutes(app, ctx);
  webhookRoutes(app, ctx);
  inboxRoutes(app, ctx);
  analyticsRoutes(app, ctx);
  usageRoutes(app, ctx);
  plusvibeRoutes(app, ctx);
  linkedinRoutes(app, ctx);
  discoveryRoutes(app, ctx);
  emailRoutes(app, ctx);
  homeRoutes(app, ctx);
  auditLogRoutes(app, ctx);
}
