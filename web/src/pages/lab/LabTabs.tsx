import type { LabFilter } from "./labTypes";

const LABELS: Record<LabFilter, string> = {
  all: "All leads",
  blocking: "Blocked",
  warnings: "Warnings",
  unapproved: "Waiting for approval",
};

/** Which of the lab's leads to show. */
export function LabTabs({ filter, onChange }: { filter: LabFilter; onChange: (f: LabFilter) => void }) {
  return (
    <div className="tabs" role="tablist" aria-label="Show leads">
      {(Object.keys(LABELS) as LabFilter[]).map((f) => (
        <button
          key={f}
          type="button"
          role="tab"
          aria-selected={filter === f}
          className={filter === f ? "tab active" : "tab"}
          onClick={() => onChange(f)}
        >
          {LABELS[f]}
        </button>
      ))}
    </div>
  );
}
