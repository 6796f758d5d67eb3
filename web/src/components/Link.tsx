import type { AnchorHTMLAttributes } from "react";
import { Link as RouterLink } from "wouter";

/** An in-app link: a real <a href> (open in a new tab works), navigated without a reload on a plain click. */
export function Link({
  to,
  ...rest
}: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  return <RouterLink href={to} {...rest} />;
}
