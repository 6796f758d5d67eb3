import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../domain/appError";
import { findHostileInput } from "../domain/security/hostileInput";

const utf8 = new TextDecoder("utf-8", { fatal: true });

const invalid = (field: string, message: string) =>
  new AppError("validation", `${field}: ${message}`, { field });

/**
 * Bad input gets a 400 naming the field before any route sees it: JSON bodies are decoded strictly
 * (invalid UTF-8 is an error, not U+FFFD), prototype keys and NUL bytes are refused by name in
 * bodies, query strings and path parameters, and an empty PATCH says there is nothing to change.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) => {
    const buf = body as Buffer;
    if (!buf.length) return done(invalid("body", "is empty; send a JSON value or no content-type"));
    let text: string;
    try {
      text = utf8.decode(buf);
    } catch {
      return done(invalid("body", "is not valid UTF-8"));
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return done(invalid("body", `is not valid JSON (${(e as Error).message})`));
    }
    const problem = findHostileInput(value, "body");
    if (problem) return done(invalid(problem.field, problem.message));
    done(null, value);
  });

  app.addHook("preValidation", async (req: FastifyRequest, _reply: FastifyReply) => {
    const bad = undecodableQueryParam(req.url);
    if (bad !== null) throw invalid(`querystring.${bad}`, "is not valid UTF-8");
    const problem =
      findHostileInput(req.params, "params") ??
      findHostileInput(req.query, "querystring") ??
      // Multipart and form bodies did not pass the JSON parser above.
      (req.isMultipart() ? null : findHostileInput(req.body, "body"));
    if (problem) throw invalid(problem.field, problem.message);
    if (
      req.method === "PATCH" &&
      req.body !== null &&
      typeof req.body === "object" &&
      !Array.isArray(req.body) &&
      Object.keys(req.body).length === 0
    )
      throw new AppError("validation", "nothing to change: send at least one field", { field: "body" });
  });
}

/**
 * The query string parser leaves a malformed escape such as %FF as it is; the name of the first
 * parameter whose percent-escapes are not UTF-8, or null.
 */
function undecodableQueryParam(url: string): string | null {
  const q = url.indexOf("?");
  if (q < 0) return null;
  for (const pair of url.slice(q + 1).split("&")) {
    const [name = "", value = ""] = pair.split("=", 2);
    for (const part of [name, value])
      try {
        decodeURIComponent(part.replace(/\+/g, " "));
      } catch {
        return /%/.test(name) ? name.replace(/%[0-9A-Fa-f]{2}/g, "?") : name;
      }
  }
  return null;
}
