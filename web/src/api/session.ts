import { useQuery } from "@tanstack/react-query";
import { client, data, type Get } from "./client";

export type Me = Get<"/api/me">;
export type Workspace = Get<"/api/workspace">;
export type Session = { kind: "setup" } | { kind: "login" } | { kind: "app"; me: Me; ws: Workspace };

/** Who is signed in, into which workspace: every page below the shell reads it from the cache. */
export const sessionKey = ["session"] as const;

async function loadSession(): Promise<Session> {
  const setup = await data(client.GET("/api/setup"));
  if (setup.needsSetup) return { kind: "setup" };
  const me = await client.GET("/api/me");
  if (me.response.status === 401) return { kind: "login" };
  const [m, ws] = await Promise.all([data(Promise.resolve(me)), data(client.GET("/api/workspace"))]);
  return { kind: "app", me: m, ws };
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: loadSession, staleTime: 60_000 });
}

/** The signed-in session, for pages that only render inside the shell. */
export function useAppSession() {
  const s = useSession().data;
  if (s?.kind !== "app") throw new Error("useAppSession outside the signed-in shell");
  return s;
}
