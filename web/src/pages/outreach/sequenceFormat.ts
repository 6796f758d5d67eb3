/** A send time in a given zone, with the zone's short name: the same instant reads differently per zone. */
export const fmtIn = (iso: string, zone?: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));

export const who = (x: { firstName: string | null; lastName: string | null; email: string | null }) =>
  [x.firstName, x.lastName].filter(Boolean).join(" ") || x.email || "lead";
