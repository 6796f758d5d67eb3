// Collapsed forms (separators removed): "no-reply", "no_reply" and "no.reply" all match "noreply".
const ROLES: ReadonlySet<string> = new Set([
  "abuse",
  "accounting",
  "accounts",
  "admin",
  "administrator",
  "all",
  "billing",
  "bookings",
  "careers",
  "community",
  "compliance",
  "contact",
  "contactus",
  "customercare",
  "customerservice",
  "customersupport",
  "donotreply",
  "enquiries",
  "enquiry",
  "events",
  "everyone",
  "feedback",
  "finance",
  "general",
  "hello",
  "help",
  "helpdesk",
  "hi",
  "hostmaster",
  "hr",
  "info",
  "information",
  "inquiries",
  "inquiry",
  "invoices",
  "investors",
  "ir",
  "it",
  "jobs",
  "legal",
  "mail",
  "mailerdaemon",
  "marketing",
  "media",
  "news",
  "newsletter",
  "noreply",
  "office",
  "operations",
  "orders",
  "partners",
  "partnerships",
  "postmaster",
  "pr",
  "press",
  "privacy",
  "purchasing",
  "recruiting",
  "recruitment",
  "reception",
  "root",
  "sales",
  "security",
  "service",
  "staff",
  "support",
  "sysadmin",
  "team",
  "webmaster",
  "welcome",
]);

/**
 * Whether a local part names a function rather than a person. Mail to it reaches a shared inbox
 * (or nobody), so an accepted probe does not mean a prospect will read it. Tolerates
 * "+tags", separators, trailing digits and a short region suffix ("sales.uk", "support-de").
 */
export function isRoleAccount(local: string): boolean {
  const base = local.trim().toLowerCase().split("+")[0]!;
  if (ROLES.has(collapse(base))) return true;
  // Only longer role words take a suffix: "ir.li" or "it.wu" are more likely people than roles.
  const [head, ...rest] = base.split(/[-._]/);
  return (
    rest.length > 0 && head!.length >= 4 && ROLES.has(collapse(head!)) && rest.every((p) => p.length <= 3)
  );
}

function collapse(s: string): string {
  return s.replace(/[-._]/g, "").replace(/\d+$/, "");
}
