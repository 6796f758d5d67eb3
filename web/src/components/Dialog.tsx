import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside), Escape closes it, focus returns to what opened it, and the title names it.
 */
export function Dialog(p: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (p.open && !d.open) {
      const opener = document.activeElement as HTMLElement | null;
      d.showModal();
      return () => opener?.focus?.();
    }
    if (!p.open && d.open) d.close();
  }, [p.open]);
  if (!p.open) return null;
  return (
    <dialog
      ref={ref}
      className={p.wide ? "dialog wide" : "dialog"}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        p.onClose();
      }}
    >
      <h2 id={titleId}>{p.title}</h2>
      <div className="dialog-body">{p.children}</div>
      {p.actions && <div className="dialog-actions">{p.actions}</div>}
    </dialog>
  );
}
