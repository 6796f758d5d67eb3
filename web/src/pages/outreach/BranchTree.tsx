import type { Get } from "../../api/client";
import { StepChannelSelect } from "./StepChannelSelect";
import type { StepVariant } from "./StepVariantsEditor";

export type StepPath = "yes" | "no";
export type Branch = NonNullable<Get<"/api/sequences/{id}">["branch"]>;
type Step = {
  channel: "email" | "linkedin_invite" | "linkedin_message";
  delayDays: number;
  condition: "always" | "no_reply";
  subject: string;
  body: string;
  path?: StepPath | null;
  variants: StepVariant[];
  autoWinner: boolean;
};

export const branchQuestionLabel: Record<Branch["on"], string> = {
  opened: "opened the email",
  clicked: "clicked a link",
  invite_accepted: "accepted the LinkedIn invitation",
  verified_email: "has a verified email",
};
const pathWords: Record<Branch["on"], [string, string]> = {
  opened: ["opened", "not opened"],
  clicked: ["clicked", "not clicked"],
  invite_accepted: ["invitation accepted", "invitation not accepted"],
  verified_email: ["verified email", "no verified email"],
};
/** "if opened", "if not opened": how a path reads next to its steps and send times. */
export const pathLabel = (branch: Branch, path: StepPath) =>
  `if ${pathWords[branch.on][path === "yes" ? 0 : 1]}`;

const newStep = (path: StepPath): Step => ({
  channel: "email",
  delayDays: path === "yes" ? 1 : 4,
  condition: "no_reply",
  subject: "",
  body: "Hi {{first_name|there}},",
  path,
  variants: [],
  autoWinner: false,
});

/**
 * The branch of a sequence as a tree: after the shared steps, the question ("after step 2: opened
 * within 3 days?") and two columns, Yes and No, each with its own steps. Delays on a path count from
 * the last shared step. `onChange` gets the whole list back in order: shared, yes, no.
 */
export function BranchTree({
  steps,
  branch,
  draft,
  onChange,
}: {
  steps: Step[];
  branch: Branch | null;
  draft: boolean;
  onChange: (steps: Step[], branch: Branch | null) => void;
}) {
  const shared = steps.filter((s) => !s.path);
  const on = (p: StepPath) => steps.filter((s) => s.path === p);
  const emit = (yes: Step[], no: Step[], b: Branch | null) => onChange([...shared, ...yes, ...no], b);
  const setPath = (p: StepPath, list: Step[]) =>
    p === "yes" ? emit(list, on("no"), branch) : emit(on("yes"), list, branch);
  if (!branch)
    return draft ? (
      <div className="actions">
        <button
          type="button"
          onClick={() => emit([newStep("yes")], [newStep("no")], { on: "opened", withinDays: 3 })}
        >
          Add a branch after step {shared.length}
        </button>
      </div>
    ) : null;
  return (
    <section className="branch-tree stack" aria-label="Branch">
      <fieldset className="branch-question">
        <legend>
          After step {shared.length}: {branchQuestionLabel[branch.on]} within {branch.withinDays} days?
        </legend>
        <label className="inline">
          Question
          <select
            aria-label="Branch question"
            disabled={!draft}
            value={branch.on}
            onChange={(e) => emit(on("yes"), on("no"), { ...branch, on: e.target.value as Branch["on"] })}
          >
            {Object.entries(branchQuestionLabel).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          within
          <input
            aria-label="Branch window in days"
            type="number"
            min={1}
            max={30}
            disabled={!draft}
            value={branch.withinDays}
            onChange={(e) => emit(on("yes"), on("no"), { ...branch, withinDays: Number(e.target.value) })}
          />
          days
        </label>
        {draft && (
          <button type="button" className="link danger" onClick={() => emit([], [], null)}>
            Remove the branch
          </button>
        )}
      </fieldset>
      <div className="branch-paths">
        {(["yes", "no"] as const).map((p) => (
          <PathColumn
            key={p}
            path={p}
            title={`${p === "yes" ? "Yes" : "No"}: ${pathLabel(branch, p)}`}
            steps={on(p)}
            draft={draft}
            onChange={(list) => setPath(p, list)}
          />
        ))}
      </div>
    </section>
  );
}

function PathColumn({
  path,
  title,
  steps,
  draft,
  onChange,
}: {
  path: StepPath;
  title: string;
  steps: Step[];
  draft: boolean;
  onChange: (steps: Step[]) => void;
}) {
  const name = path === "yes" ? "Yes" : "No";
  const set = (i: number, patch: Partial<Step>) =>
    onChange(steps.map((s, n) => (n === i ? { ...s, ...patch } : s)));
  return (
    <section className="branch-path stack" aria-label={`${name} path`}>
      <h4>{title}</h4>
      {!steps.length && <p className="muted small">No steps: the lead's sequence ends here.</p>}
      {steps.map((s, i) => {
        const label = `${name} step ${i + 1}`;
        return (
          <div key={i} className="branch-step stack">
            <strong>{label}</strong>
            <StepChannelSelect
              label={label}
              disabled={!draft}
              value={s.channel}
              onChange={(channel) => set(i, { channel })}
            />
            <label className="inline">
              {i === 0 ? "after the last shared step," : "after"}
              <input
                aria-label={`${label} delay in days`}
                type="number"
                min={0}
                disabled={!draft}
                value={s.delayDays}
                onChange={(e) => set(i, { delayDays: Number(e.target.value) })}
              />
              days
            </label>
            {s.channel === "email" && (
              <input
                aria-label={`${label} subject`}
                placeholder="Re: (same thread)"
                disabled={!draft}
                value={s.subject}
                onChange={(e) => set(i, { subject: e.target.value })}
              />
            )}
            <textarea
              aria-label={`${label} message`}
              rows={3}
              disabled={!draft}
              value={s.body}
              onChange={(e) => set(i, { body: e.target.value })}
            />
            {draft && (
              <button
                type="button"
                className="link danger"
                onClick={() => onChange(steps.filter((_, n) => n !== i))}
              >
                Remove {label}
              </button>
            )}
          </div>
        );
      })}
      {draft && (
        <button type="button" onClick={() => onChange([...steps, newStep(path)])}>
          Add a step to {name}
        </button>
      )}
    </section>
  );
}

/**
 * Next to a lead's next step: which path it is on ("if opened"), or that the lead waits at the
 * branch for its answer. Nothing for a shared step.
 */
export function BranchNote({
  branch,
  steps,
  stepIndex,
  taken,
}: {
  branch: Branch | null;
  steps: { idx: number; path: StepPath | null }[];
  stepIndex: number | null;
  taken: StepPath | null;
}) {
  const step = steps.find((s) => s.idx === stepIndex);
  if (!branch || !step?.path) return null;
  return (
    <span className="badge">
      {taken ? pathLabel(branch, taken) : `waits for the answer: ${branchQuestionLabel[branch.on]}?`}
    </span>
  );
}
