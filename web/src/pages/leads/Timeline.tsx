export type TimelineEvent = {
  id: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
  at: string;
};

const fieldNames: Record<string, string> = {
  jobTitle: "job title",
  firstName: "first name",
  lastName: "last name",
  linkedinUrl: "LinkedIn URL",
  companyDomain: "company domain",
  customFields: "custom fields",
};

function describe(e: TimelineEvent): string {
  const d = e.data;
  // Events that carry their own sentence (delivery reports: class, status, what was done) say it.
  if (typeof d.summary === "string" && d.summary) return d.summary;
  switch (e.type) {
    case "imported":
      return `Imported from ${d.fileName ?? "a file"}${d.listName ? ` into ${d.listName}` : ""}`;
    case "created":
      return "Added by hand";
    case "import_matched":
      return `Matched again in ${d.fileName}${d.addedToList ? ", added to the list" : ""}${(d.filled as string[])?.length ? `, filled ${(d.filled as string[]).join(", ")}` : ""}`;
    case "field_changed":
      return `Changed ${fieldNames[String(d.field)] ?? d.field}${d.field !== "customFields" ? ` from “${d.from ?? "—"}” to “${d.to ?? "—"}”` : ""}`;
    case "status_changed":
      return `Status changed to ${d.label ?? d.to} (was ${d.from})`;
    case "added_to_list":
      return `Added to list${d.listName ? ` ${d.listName}` : ""}`;
    case "removed_from_list":
      return `Removed from list${d.listName ? ` ${d.listName}` : ""}`;
    case "discovered":
      return `Found by a discovery search (${d.provider === "sandbox" ? "sandbox directory" : "LinkedIn"})`;
    case "invitation_accepted":
      return "Accepted the LinkedIn invitation";
    case "invitation_withdrawn":
      return d.reportedBy
        ? "LinkedIn reports an earlier invitation was withdrawn"
        : "LinkedIn invitation withdrawn";
    case "branch_taken":
      // "Opened the email → took path Yes"
      return `${String(d.reason ?? "").replace(/^./, (c) =>
        c.toUpperCase(),
      )} → took path ${d.path === "yes" ? "Yes" : "No"}`;
    case "invitation_note_dropped":
      return "LinkedIn invitation sent without its note (the free account's notes for the month are used)";
    case "enriched": {
      // One event per enrichment run: say what happened, a failure as a failure.
      const failed =
        d.error || (d.company === "failed" && d.profile !== "enriched") || d.profile === "failed";
      if (failed) return `Enrichment failed${d.error ? `: ${d.error}` : ""}`;
      if (d.company !== "enriched" && d.profile !== "enriched") return "Enrichment found nothing new";
      return `Enriched (${[d.company === "enriched" && "company", d.profile === "enriched" && "profile"].filter(Boolean).join(" and ")})`;
    }
    case "email_verified":
    case "email_found": {
      const status = String(d.status ?? "unknown");
      const words: Record<string, string> = {
        valid: "verified",
        invalid: "is invalid (it would bounce)",
        risky: "is risky",
        catch_all: "is on a catch-all domain (cannot be confirmed)",
        unknown: "could not be verified",
      };
      return `${e.type === "email_found" ? "Email found: " : "Email "}${d.email ?? ""} ${words[status] ?? status}`.replace(
        "Email  ",
        "Email ",
      );
    }
    case "outreach_stopped":
      return `Outreach stopped${d.sequenceName ? ` in ${d.sequenceName}` : ""}: ${d.reason ?? ""}`;
    case "removed_from_sequence":
      return `Removed from the sequence${d.sequenceName ? ` ${d.sequenceName}` : ""}`;
    case "audit_not_checked":
      return `Website not checked: ${d.reason ?? ""}`;
    case "step_skipped":
      return `Step ${d.step} skipped: ${d.reason ?? ""}`;
    default:
      return e.type.replace(/_/g, " ");
  }
}

export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (!events.length) return <p className="muted">Nothing yet.</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <div>{describe(e)}</div>
          <div className="muted small">
            {new Date(e.at).toLocaleString()} · {e.actor}
          </div>
        </li>
      ))}
    </ol>
  );
}
