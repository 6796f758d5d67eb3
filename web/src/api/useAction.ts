import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";

/**
 * A write the user starts (a button, a form): disabled while in flight (`isPending`), the queries it
 * changes refreshed after, its error shown by the caller (`inline`) or in the notices region.
 */
export function useAction<V = void, R = unknown>(
  fn: (v: V) => Promise<R>,
  opts: { invalidate?: QueryKey[]; onSuccess?: (r: R, v: V) => void; inline?: boolean } = {},
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { inline: opts.inline },
    onSuccess: async (r, v) => {
      await Promise.all((opts.invalidate ?? []).map((k) => qc.invalidateQueries({ queryKey: k })));
      opts.onSuccess?.(r, v);
    },
  });
}

/**
 * The small writes of one screen (rename, duplicate, delete…) as one action: each call passes its
 * work, which answers the sentence to show once it is done (`data`); errors are shown inline.
 */
export const useTasks = (invalidate: QueryKey[]) =>
  useAction((run: () => Promise<string>) => run(), { inline: true, invalidate });
