export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge st-${status}`}>{label}</span>;
}
