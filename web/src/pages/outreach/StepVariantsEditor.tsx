export type StepVariant = { label: string; subject?: string; body?: string; weight: number };
const LABELS = "ABCDE";

/**
 * A step's A/B versions. Variant A is the step's own text (above); B… carry their own subject and/or
 * body (an empty one keeps the step's). Weights split the leads; each lead always gets the same one.
 */
export function StepVariantsEditor({
  step,
  email,
  variants,
  autoWinner,
  disabled,
  onChange,
}: {
  step: number;
  email: boolean;
  variants: StepVariant[];
  autoWinner: boolean;
  disabled: boolean;
  onChange: (patch: { variants: StepVariant[]; autoWinner: boolean }) => void;
}) {
  const set = (next: StepVariant[], auto = autoWinner) =>
    onChange({
      variants: next.length < 2 ? [] : next.map((v, n) => ({ ...v, label: LABELS[n]! })),
      autoWinner: auto,
    });
  const setOne = (n: number, patch: Partial<StepVariant>) =>
    set(variants.map((v, i) => (i === n ? { ...v, ...patch } : v)));
  if (!variants.length)
    return disabled ? null : (
      <button
        type="button"
        className="link"
        onClick={() =>
          set([
            { label: "A", weight: 1 },
            { label: "B", subject: "", body: "", weight: 1 },
          ])
        }
      >
        Add A/B variant
      </button>
    );
  const total = variants.reduce((s, v) => s + v.weight, 0);
  return (
    <fieldset className="variants stack">
      <legend>A/B test of step {step}</legend>
      {variants.map((v, n) => (
        <div key={v.label} className="variant-row">
          <strong>Variant {v.label}</strong>
          {n === 0 ? (
            <span className="muted small">the step&apos;s text above</span>
          ) : (
            <div className="stack">
              {email && (
                <input
                  aria-label={`Step ${step} variant ${v.label} subject`}
                  placeholder="Subject (empty: the step's)"
                  disabled={disabled}
                  value={v.subject ?? ""}
                  onChange={(e) => setOne(n, { subject: e.target.value })}
                />
              )}
              <textarea
                aria-label={`Step ${step} variant ${v.label} message`}
                placeholder="Message (empty: the step's)"
                rows={2}
                disabled={disabled}
                value={v.body ?? ""}
                onChange={(e) => setOne(n, { body: e.target.value })}
              />
            </div>
          )}
          <label className="inline">
            weight
            <input
              aria-label={`Step ${step} variant ${v.label} weight`}
              type="number"
              min={1}
              max={100}
              disabled={disabled}
              value={v.weight}
              onChange={(e) => setOne(n, { weight: Math.max(1, Math.round(Number(e.target.value) || 1)) })}
            />
          </label>
          <span className="muted small">{Math.round((100 * v.weight) / total)}% of leads</span>
          {!disabled && n > 0 && (
            <button
              type="button"
              className="link danger"
              onClick={() => set(variants.filter((_, i) => i !== n))}
            >
              Remove variant {v.label}
            </button>
          )}
        </div>
      ))}
      {!disabled && (
        <div className="actions">
          {variants.length < LABELS.length && (
            <button
              type="button"
              className="link"
              onClick={() => set([...variants, { label: "", subject: "", body: "", weight: 1 }])}
            >
              Add variant {LABELS[variants.length]}
            </button>
          )}
          <label className="inline">
            <input type="checkbox" checked={autoWinner} onChange={(e) => set(variants, e.target.checked)} />
            Send the winner to new leads once the test names one
          </label>
        </div>
      )}
      <p className="muted small">
        The winner test compares reply rates once every variant has 100 sends and names a winner at p &lt;
        0.05.
      </p>
    </fieldset>
  );
}
