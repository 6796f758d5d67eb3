import { guardedNavigate } from "./hooks/unsaved";

/**
 * Programmatic navigation for handlers (after a create, a delete): the history wouter listens to,
 * with unsaved work confirmed first.
 */
export function navigate(to: string, opts?: { replace?: boolean }) {
  guardedNavigate(to, opts);
}
