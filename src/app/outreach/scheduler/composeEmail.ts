import { rewriteLinks, textToHtml } from "../../../domain/messages/emailHtml";
import type { messages } from "../../../db/schema";
import type { AppContext } from "../../context";
import { clickUrl, openPixelUrl } from "../tracking";
import { unsubscribeUrl } from "../unsubscribe";

/**
 * The parts of an outgoing email: the text with its unsubscribe footer, an HTML twin only when the
 * sequence tracks opens or clicks, and the one-click unsubscribe URL for the RFC 8058 headers.
 * The unsubscribe link itself is never rewritten for tracking. Every link points to `linkBase`: the
 * sender's checked tracking domain (see linkBaseFor), else PUBLIC_URL.
 */
export function composeEmail(
  ctx: AppContext,
  m: Pick<typeof messages.$inferSelect, "id" | "workspaceId" | "leadId" | "body">,
  o: { trackOpens: boolean; trackClicks: boolean; linkBase: string },
) {
  const unsub = unsubscribeUrl(ctx, m.workspaceId, m.leadId, o.linkBase);
  const track = (url: string) => (o.trackClicks ? clickUrl(ctx, m.workspaceId, m.id, url, o.linkBase) : url);
  const keep = (url: string) => url === unsub;
  const text = `${m.body}\n\n--\nNot interested? Unsubscribe: ${unsub}`;
  if (!o.trackOpens && !o.trackClicks) return { text, html: null, unsubscribeUrl: unsub };
  return {
    text: rewriteLinks(text, track, keep),
    html: textToHtml(text, {
      href: (url) => (keep(url) ? url : track(url)),
      pixelUrl: o.trackOpens ? openPixelUrl(ctx, m.workspaceId, m.id, o.linkBase) : null,
    }),
    unsubscribeUrl: unsub,
  };
}
