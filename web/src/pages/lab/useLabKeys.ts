import { type RefObject, useEffect } from "react";
import { ignoreKey } from "../../hooks/keyGuard";

/** The letters a message's own buttons answer to (each button carries `data-shortcut`). */
const ACTIONS = new Set(["a", "e", "x"]);

/**
 * The Messaging Lab's keys: j/k move to the next/previous message (each is focusable), a approves
 * it, e edits it, x selects it. They act on the message that has focus, through its own buttons, so
 * a key does exactly what the visible control does (disabled stays disabled).
 */
export function useLabKeys(list: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ignoreKey(e) || !list.current) return;
      const items = [...list.current.querySelectorAll<HTMLElement>("[data-lab-message]")];
      const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(
        "[data-lab-message]",
      );
      if (e.key === "j" || e.key === "k") {
        const at = current ? items.indexOf(current) : -1;
        const next = items[e.key === "j" ? at + 1 : at < 0 ? 0 : at - 1];
        if (!next) return;
        e.preventDefault();
        next.focus();
        next.scrollIntoView({ block: "nearest" });
        return;
      }
      if (!current || !ACTIONS.has(e.key)) return;
      const control = current.querySelector<HTMLElement>(`[data-shortcut="${e.key}"]`);
      if (!control || (control as HTMLButtonElement).disabled) return;
      e.preventDefault();
      control.click();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [list]);
}
