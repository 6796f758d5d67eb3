/** The SPA talks only to the public API; errors arrive as { error: { code, message, details } }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = json?.error ?? {};
    // A structured answer that is not an error envelope (the PlusVibe guard's 409) travels as details.
    throw new ApiError(
      res.status,
      e.code ?? "error",
      e.message ?? res.statusText,
      json?.error ? e.details : json,
    );
  }
  return json as T;
}

export type Me = {
  user: { id: string; email: string; name: string } | null;
  workspaceId: string;
  role: "owner" | "admin" | "member";
  workspaces: { id: string; name: string; role: string }[];
};

export type Workspace = {
  id: string;
  name: string;
  timezone: string;
  windowStart: string;
  windowEnd: string;
  skipWeekends: boolean;
  stopCompanyOnReply: boolean;
};
