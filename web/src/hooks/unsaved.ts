import { useEffect } from "react";
import { navigate, useBrowserLocation } from "wouter/use-browser-location";
import { ask } from "../components/confirm";

/** Screens with work not yet saved (an import's mapping, step edits, a message edit) register here. */
const dirty = new Set<symbol>();

/** While `unsaved`, a reload, closing the tab or leaving the page through the app asks first. */
export function useUnsavedWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const key = Symbol("unsaved");
    dirty.add(key);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      dirty.delete(key);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [unsaved]);
}

export const guardedNavigate: typeof navigate = (to, options) => {
  const path = String(to).split("?")[0];
  if (dirty.size === 0 || path === window.location.pathname) return navigate(to, options);
  void ask({
    title: "Leave without saving?",
    body: "Your changes on this page are not saved yet and will be lost.",
    confirm: "Leave the page",
    danger: true,
  }).then((leave) => {
    if (!leave) return;
    dirty.clear();
    navigate(to, options);
  });
};

/** wouter's browser location, with in-app navigation away from unsaved work confirmed first. */
export const useGuardedLocation: typeof useBrowserLocation = (opts) => {
  const [path] = useBrowserLocation(opts);
  return [path, guardedNavigate];
};
