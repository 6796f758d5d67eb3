import { AppError } from "../../domain/appError";
import { addressOf, htmlToText } from "../../domain/inbound";
import type { Actor, AppContext } from "../context";
import { getLeadRow } from "../leads/leadDetail";
import { requirePlusVibe } from "./plusvibe";

export type UniboxEmail = {
  id: string;
  direction: "in" | "out";
  from: string;
  to: string;
  subject: string;
  /** Plain text only: an HTML body is converted, never passed on. */
  text: string;
  at: string | null;
};

type Raw = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
const first = (e: Raw, ...keys: string[]) => {
  for (const k of keys) if (str(e[k])) return str(e[k]);
  return "";
};

const LOOKS_HTML =
  /<\/?(html|head|body|div|p|br|span|a|table|tbody|td|tr|b|i|u|strong|em|img|font|style|script|meta|ul|ol|li|h[1-6]|blockquote|center|hr)\b[^>]*>/i;
/**
 * HTML to text with the inbox's converter (domain/inbound htmlToText, html-to-text: entities
 * decoded, comments and scripts dropped, list items bulleted). Impossible code points are dropped
 * first (the Unibox shows nothing rather than a replacement character).
 */
function fromHtml(html: string): string {
  return htmlToText(
    html.replace(/&#(x[0-9a-f]+|\d+);/gi, (m, n: string) =>
      (n[0] === "x" || n[0] === "X" ? parseInt(n.slice(1), 16) : Number(n)) > 0x10ffff ? "" : m,
    ),
  );
}

const plain = (t: string) => {
  const s = t.replace(/\r\n?/g, "\n");
  return LOOKS_HTML.test(s) ? fromHtml(s) : s.trim();
};

/** The readable text of a Unibox email: body.text, else body.html converted, else other field names. */
function textOf(e: Raw): string {
  const body = e.body;
  if (body && typeof body === "object") {
    const b = body as Raw;
    if (str(b.text)) return plain(str(b.text));
    if (str(b.html)) return fromHtml(str(b.html));
  }
  if (str(body)) return plain(str(body));
  const text = first(e, "text_body", "body_text", "text");
  if (text) return plain(text);
  const html = first(e, "html_body", "body_html", "html");
  if (html) return fromHtml(html);
  return plain(first(e, "content_preview", "preview_text", "snippet"));
}

const addresses = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(str) : str(v).split(/[,;]/)).map((a) => addressOf(a) || a.trim()).filter(Boolean);

function directionOf(e: Raw, leadEmail: string, from: string): "in" | "out" {
  for (const k of ["direction", "email_direction", "email_type", "type", "label"]) {
    const d = str(e[k]).toUpperCase();
    if (/^(IN|INBOUND|INCOMING|RECEIVED|REPLY|REPLIED)$/.test(d)) return "in";
    if (/^(OUT|OUTBOUND|OUTGOING|SENT|CAMPAIGN)$/.test(d)) return "out";
  }
  return from === leadEmail ? "in" : "out";
}

function timeOf(e: Raw): string | null {
  for (const k of [
    "timestamp_created",
    "timestamp_email",
    "sent_on",
    "replied_date",
    "received_at",
    "date",
  ]) {
    const v = e[k];
    if (v === undefined || v === null || v === "") continue;
    const n = typeof v === "number" ? (v < 1e12 ? v * 1000 : v) : Date.parse(String(v));
    if (Number.isFinite(n)) return new Date(n).toISOString();
  }
  return null;
}

function readEmail(e: Raw, leadEmail: string, i: number): UniboxEmail {
  const from = addresses(e.from_address_email ?? e.from_email ?? e.from)[0] ?? "";
  const at = timeOf(e);
  return {
    id: first(e, "id", "_id", "message_id") || `pv-${at ?? "undated"}-${i}`,
    direction: directionOf(e, leadEmail, from),
    from,
    to: addresses(e.to_address_email_list ?? e.to_email ?? e.to).join(", "),
    subject: first(e, "subject", "email_subject"),
    text: textOf(e),
    at,
  };
}

/** Whether the email names the lead anywhere; an email naming no address at all is trusted to PlusVibe's filter. */
function concernsLead(e: Raw, leadEmail: string) {
  const lead = e.lead && typeof e.lead === "object" ? (e.lead as Raw).email : e.lead;
  const all = [e.from_address_email, e.from_email, e.from, e.to_address_email_list, e.to_email, e.to]
    .concat([e.cc_address_email_list, lead, e.lead_email])
    .flatMap(addresses);
  return !all.length || all.includes(leadEmail);
}

/**
 * The conversation PlusVibe's Unibox holds for one lead (campaign emails sent and the lead's replies),
 * one page at a time: PlusVibe's page_trail, passed back as pageTrail, gives the next, older, page.
 * Each page is returned oldest first, as text only.
 */
export async function plusvibeUniboxFor(
  ctx: AppContext,
  actor: Actor,
  leadId: string,
  o: { pageTrail?: string } = {},
): Promise<{ emails: UniboxEmail[]; nextPageTrail: string | null }> {
  const lead = await getLeadRow(ctx, actor, leadId);
  const leadEmail = (lead.email ?? "").trim().toLowerCase();
  if (!leadEmail)
    throw new AppError(
      "validation",
      "the lead has no email, which PlusVibe's Unibox finds its conversation by",
      { field: "email" },
    );
  const client = await requirePlusVibe(ctx, actor);
  const page = await client.uniboxEmails(leadEmail, { pageTrail: o.pageTrail, emailType: "all" });
  const seen = new Set<string>();
  const emails = page.emails
    .filter((e) => concernsLead(e, leadEmail))
    .map((e, i) => ({ e: readEmail(e, leadEmail, i), i }))
    .filter(({ e }) => !seen.has(e.id) && !!seen.add(e.id))
    .sort((a, b) => (a.e.at ?? "").localeCompare(b.e.at ?? "") || a.i - b.i)
    .map(({ e }) => e);
  const more = page.emails.length > 0 && !!page.pageTrail && page.pageTrail !== o.pageTrail;
  return { emails, nextPageTrail: more ? page.pageTrail : null };
}
