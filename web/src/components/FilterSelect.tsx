/** A filter over named things (runs, lists, sequences, senders): "All …" first, then each by name. */
export function FilterSelect(p: {
  label: string;
  allLabel: string;
  options: { id: string; name: string }[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <select aria-label={p.label} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
      <option value="">{p.allLabel}</option>
      {p.options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
