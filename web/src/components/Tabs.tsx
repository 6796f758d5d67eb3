/** A row of tabs: one selected, each a button saying what it shows. */
export function Tabs<T extends string>({
  label,
  tabs,
  value,
  onChange,
}: {
  label?: string;
  tabs: readonly (readonly [T, string])[];
  value: T;
  onChange: (t: T) => void;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map(([t, text]) => (
        <button
          key={t}
          type="button"
          role="tab"
          aria-selected={value === t}
          className={value === t ? "tab active" : "tab"}
          onClick={() => onChange(t)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
