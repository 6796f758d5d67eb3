import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./client";
import { notify } from "./notices";

/**
 * Every query and mutation error reaches one place, the notices region, unless the caller says it
 * shows that error itself (`meta: { inline: true }`). Nothing is swallowed.
 */
export function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (e, q) => {
        if (!q.meta?.inline) notify(messageOf(e));
      },
    }),
    mutationCache: new MutationCache({
      onError: (e, _v, _c, m) => {
        if (!m.meta?.inline) notify(messageOf(e));
      },
    }),
    defaultOptions: {
      queries: {
        // Cached data shows at once and is refreshed on every visit: screens not yet on mutations
        // that invalidate (and other tabs, other people) change data too.
        staleTime: 0,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; a network blip might.
        retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
      },
    },
  });
}

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

declare module "@tanstack/react-query" {
  interface Register {
    queryMeta: { inline?: boolean };
    mutationMeta: { inline?: boolean };
  }
}
