import type { FormEvent } from "react";
import { Field } from "../../components/Field";
import { type FilterDraft, type ProviderKey, providerOptions, seniorityOptions } from "./discoveryTypes";
import { SandboxLabel } from "./SandboxLabel";

const listHint = "Separate several with commas.";

/** The filters the description became, every one editable, and where to search. */
export function FiltersForm(p: {
  draft: FilterDraft;
  onDraft: (d: FilterDraft) => void;
  provider: ProviderKey;
  onProvider: (k: ProviderKey) => void;
  busy: boolean;
  onPreview: () => void;
}) {
  const d = p.draft;
  const set = <K extends keyof FilterDraft>(k: K, v: FilterDraft[K]) => p.onDraft({ ...d, [k]: v });
  const text = (k: "titles" | "industries" | "locations" | "keywords", label: string, hint = listHint) => (
    <Field label={label} hint={hint}>
      <input type="text" value={d[k]} onChange={(e) => set(k, e.target.value)} />
    </Field>
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    p.onPreview();
  }

  return (
    <form className="card discovery-card discovery-filters" onSubmit={submit} aria-busy={p.busy}>
      <h2>2. Check the filters</h2>
      <div className="grid2">
        {text("titles", "Job titles")}
        {text("industries", "Industries")}
        {text("locations", "Locations", "Countries, regions or cities; separate several with commas.")}
        {text("keywords", "Keywords", "Other words the profile should mention; separate with commas.")}
      </div>
      <fieldset className="checks seniority">
        <legend>Seniority</legend>
        {seniorityOptions.map(([value, label]) => (
          <label key={value} className="check">
            <input
              type="checkbox"
              checked={d.seniority.includes(value)}
              onChange={(e) =>
                set(
                  "seniority",
                  e.target.checked
                    ? seniorityOptions.map(([v]) => v).filter((v) => v === value || d.seniority.includes(v))
                    : d.seniority.filter((s) => s !== value),
                )
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="grid2">
        <Field label="Company size from (employees)" hint="Leave empty for no lower bound.">
          <input type="number" min={0} step={1} value={d.min} onChange={(e) => set("min", e.target.value)} />
        </Field>
        <Field label="Company size up to (employees)" hint="Leave empty for no upper bound.">
          <input
            type="number"
            min={d.min || 0}
            step={1}
            value={d.max}
            onChange={(e) => set("max", e.target.value)}
          />
        </Field>
      </div>
      <Field
        label="Search in"
        hint={
          p.provider === "sandbox"
            ? "Made-up people for trying Overture out; nobody real is contacted."
            : "Needs a LinkedIn account connected under Settings → LinkedIn."
        }
      >
        <select value={p.provider} onChange={(e) => p.onProvider(e.target.value as ProviderKey)}>
          {providerOptions.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={p.busy}>
          {p.busy ? "Looking…" : "Preview"}
        </button>
        {p.provider === "sandbox" && <SandboxLabel />}
      </div>
    </form>
  );
}
