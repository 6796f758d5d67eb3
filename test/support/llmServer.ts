import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback server speaking the documented wire contracts of OpenAI's Chat Completions
 * (POST /v1/chat/completions, Bearer auth) and Anthropic's Messages API (POST /v1/messages,
 * x-api-key or Bearer, and anthropic-version). Each request takes the next scripted behaviour; with none left
 * it answers with `fallback`.
 */
export type Behaviour =
  | { kind: "answer"; content: string; usage?: { input: number; output: number } }
  | { kind: "slow"; ms: number; content: string }
  | { kind: "status"; status: number; retryAfter?: number; body?: unknown }
  | { kind: "garbage" };

export type LlmRequest = { path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> };

export async function startLlmServer(apiKey = "test-key") {
  const script: Behaviour[] = [];
  const requests: LlmRequest[] = [];
  let fallback: Behaviour = { kind: "status", status: 500, body: { error: { message: "no script" } } };
  const sockets = new Set<import("node:net").Socket>();

  const reply = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
    const path = req.url ?? "";
    requests.push({ path, headers: req.headers, body });
    const anthropic = path.endsWith("/v1/messages");
    const authorised = anthropic
      ? // Anthropic documents x-api-key; its SDK 1.x sends the key as a Bearer token, which the API also takes.
        (req.headers["x-api-key"] === apiKey || req.headers.authorization === `Bearer ${apiKey}`) &&
        typeof req.headers["anthropic-version"] === "string"
      : req.headers.authorization === `Bearer ${apiKey}`;
    if (!authorised)
      return reply(res, 401, { error: { type: "authentication_error", message: "invalid api key" } });
    if (!anthropic && !path.endsWith("/chat/completions"))
      return reply(res, 404, { error: { message: `no route ${path}` } });
    const b = script.shift() ?? fallback;
    if (b.kind === "status")
      return reply(
        res,
        b.status,
        b.body ?? { error: { message: `scripted ${b.status}` } },
        b.retryAfter !== undefined ? { "retry-after": String(b.retryAfter) } : {},
      );
    if (b.kind === "garbage") return reply(res, 200, "<html>not json</html>");
    if (b.kind === "slow") await new Promise((r) => setTimeout(r, b.ms));
    if (res.destroyed) return;
    const content = b.content;
    const usage = b.kind === "answer" && b.usage ? b.usage : { input: 120, output: 80 };
    const model = String(body.model);
    if (anthropic)
      return reply(res, 200, {
        id: `msg_${requests.length}`,
        type: "message",
        role: "assistant",
        model,
        content: [{ type: "text", text: content }],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage: { input_tokens: usage.input, output_tokens: usage.output },
      });
    reply(res, 200, {
      id: `chatcmpl-${requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: {
        prompt_tokens: usage.input,
        completion_tokens: usage.output,
        total_tokens: usage.input + usage.output,
      },
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    script: (...b: Behaviour[]) => script.push(...b),
    setFallback: (b: Behaviour) => {
      fallback = b;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
