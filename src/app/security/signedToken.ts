import { timingSafeEqual } from "node:crypto";
import type { AppContext } from "../context";

/**
 * Links we put in emails (unsubscribe, open pixel, click redirect) carry a few ids as raw bytes and
 * an HMAC over them, the link's purpose and anything else the link must not be able to change (the
 * click target). 128 bits of HMAC-SHA256 are plenty for a link and keep it short for every client.
 */
const tag = (ctx: Pick<AppContext, "secrets">, purpose: string, payload: string, bound: string) =>
  ctx.secrets.sign(`${purpose}:${payload}${bound ? `:${bound}` : ""}`).slice(0, 22);

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");
export const bytesUuid = (b: Buffer) =>
  b.toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");

export function signToken(ctx: Pick<AppContext, "secrets">, purpose: string, ids: string[], bound = "") {
  const payload = Buffer.concat(ids.map(uuidBytes)).toString("base64url");
  return `${payload}.${tag(ctx, purpose, payload, bound)}`;
}

/** The ids a valid token carries, or null for anything forged, altered or truncated. */
export function readToken(
  ctx: Pick<AppContext, "secrets">,
  purpose: string,
  token: string,
  count: number,
  bound = "",
): string[] | null {
  // Exactly two segments of canonical base64url: Node's decoder skips junk and extra segments
  // were once ignored, so a token is accepted only in the one spelling signToken produces.
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [payload, sig] = parts as [string, string];
  if (!BASE64URL.test(payload) || !BASE64URL.test(sig)) return null;
  const raw = Buffer.from(payload, "base64url");
  if (raw.toString("base64url") !== payload) return null;
  const expected = tag(ctx, purpose, payload, bound);
  if (raw.length !== 16 * count || sig.length !== expected.length) return null;
  if (!timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return null;
  return Array.from({ length: count }, (_, i) => bytesUuid(raw.subarray(16 * i, 16 * (i + 1))));
}

/** Where links point: PUBLIC_URL when set (it must be reachable by recipients), else the listen address. */
export const publicBase = (ctx: Pick<AppContext, "config">) =>
  ctx.config.publicUrl ?? `http://${ctx.config.host}:${ctx.config.port}`;
