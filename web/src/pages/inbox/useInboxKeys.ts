import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && !!t.closest("input, textarea, select, [contenteditable=true]");

/**
 * The Inbox's keys: j/k (ArrowDown/ArrowUp while the list has focus) move to the next/previous
 * conversation, Enter or o opens it, r goes to the reply box. Ignored while typing in a field, with
 * a modifier key, or while a dialog is open.
 */
export function useInboxKeys(o: {
  list: RefObject<HTMLElement | null>;
  move: (by: 1 | -1) => void;
  open: () => void;
  reply: () => void;
}) {
  // The latest handlers, without binding the listener again on every render.
  const latest = useRef(o);
  useLayoutEffect(() => {
    latest.current = o;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || typing(e.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const { list, move, open, reply } = latest.current;
      const inList = !!list.current?.contains(e.target as Node);
      const onPage = inList || e.target === document.body;
      const act =
        e.key === "j" || (inList && e.key === "ArrowDown")
          ? () => move(1)
          : e.key === "k" || (inList && e.key === "ArrowUp")
            ? () => move(-1)
            : e.key === "o" || (onPage && e.key === "Enter")
              ? open
              : e.key === "r"
                ? reply
                : null;
      if (!act) return;
      e.preventDefault();
      act();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
