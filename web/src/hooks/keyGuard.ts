const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && !!t.closest("input, textarea, select, [contenteditable=true]");

/**
 * Whether a page's one-letter keys should ignore this key press: typed into a field, held with a
 * modifier (the browser's and the system's own shortcuts), or pressed while a dialog is open.
 */
export const ignoreKey = (e: KeyboardEvent) =>
  e.altKey ||
  e.ctrlKey ||
  e.metaKey ||
  e.shiftKey ||
  typing(e.target) ||
  !!document.querySelector("dialog[open]");
