import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";
import { ignoreKey } from "../../hooks/keyGuard";

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
      if (ignoreKey(e)) return;
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
