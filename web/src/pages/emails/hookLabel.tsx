/**
 * " · hook: recent post" for a message the writer gave a hook. The routes type `hook` as
 * record<unknown>; the writer puts its kind there.
 */
export function HookLabel({ hook }: { hook: unknown }) {
  const kind = (hook as { kind?: unknown } | null | undefined)?.kind;
  if (typeof kind !== "string" || kind === "none") return null;
  return <> · hook: {kind.replace("_", " ")}</>;
}
