import { useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote } from "../../components/Field";
import { useUnsavedWarning } from "../../hooks/unsaved";
import { type Branch, BranchTree, type StepPath } from "./BranchTree";
import { StepChannelSelect } from "./StepChannelSelect";
import { StepVariantsEditor } from "./StepVariantsEditor";

type SavedStep = Get<"/api/sequences/{id}">["steps"][number];
type Step = Pick<
  SavedStep,
  "channel" | "delayDays" | "condition" | "subject" | "body" | "variants" | "autoWinner"
> & { path?: StepPath | null };

/** The steps of a sequence, editable while it is a draft; edits not yet saved are guarded. */
export function StepsEditor({
  id,
  steps: saved,
  branch: savedBranch,
  draft,
}: {
  id: string;
  steps: SavedStep[];
  branch: Branch | null;
  draft: boolean;
}) {
  const [steps, setSteps] = useState<Step[]>(() =>
    saved.map(({ channel, delayDays, condition, subject, body, path, variants, autoWinner }) => ({
      channel,
      delayDays,
      condition,
      subject,
      body,
      path: path ?? null,
      variants,
      autoWinner,
    })),
  );
  const [branch, setBranch] = useState<Branch | null>(savedBranch);
  const [dirty, setDirty] = useState(false);
  useUnsavedWarning(dirty);
  const save = useAction(
    () =>
      data(client.PUT("/api/sequences/{id}/steps", { params: { path: { id } }, body: { steps, branch } })),
    { invalidate: [["/api/sequences/{id}", id]], onSuccess: () => setDirty(false), inline: true },
  );
  const shared = steps.filter((s) => !s.path);
  const edit = (next: Step[]) => {
    setSteps(next);
    setDirty(true);
  };
  const setStep = (i: number, patch: Partial<Step>) =>
    edit(steps.map((s, n) => (n === i ? { ...s, ...patch } : s)));
  return (
    <div className="card stack">
      <h3>Steps</h3>
      {/* Shared steps come first, so their index here is their index in `steps`. */}
      {shared.map((s, i) => (
        <div key={i} className="step-row">
          <strong>Step {i + 1}</strong>
          <StepChannelSelect
            label={`Step ${i + 1}`}
            disabled={!draft}
            value={s.channel}
            onChange={(channel) => setStep(i, { channel })}
          />
          <label className="inline">
            {i === 0 ? "starts" : "after"}
            <input
              aria-label={`Step ${i + 1} delay in days`}
              type="number"
              min={0}
              disabled={!draft}
              value={s.delayDays}
              onChange={(e) => setStep(i, { delayDays: Number(e.target.value) })}
            />
            days
          </label>
          <select
            aria-label={`Step ${i + 1} condition`}
            disabled={!draft}
            value={s.condition}
            onChange={(e) => setStep(i, { condition: e.target.value as Step["condition"] })}
          >
            <option value="always">Always</option>
            <option value="no_reply">Only if no reply</option>
          </select>
          {s.channel === "email" && (
            <input
              aria-label={`Step ${i + 1} subject`}
              placeholder={i === 0 ? "Subject" : "Re: (same thread)"}
              disabled={!draft}
              value={s.subject}
              onChange={(e) => setStep(i, { subject: e.target.value })}
            />
          )}
          <textarea
            aria-label={`Step ${i + 1} message`}
            rows={3}
            disabled={!draft}
            value={s.body}
            onChange={(e) => setStep(i, { body: e.target.value })}
          />
          <StepVariantsEditor
            step={i + 1}
            email={s.channel === "email"}
            variants={s.variants}
            autoWinner={s.autoWinner}
            disabled={!draft}
            onChange={(patch) => setStep(i, patch)}
          />
          {draft && shared.length > 1 && (
            <button
              type="button"
              className="link danger"
              onClick={() => edit(steps.filter((_, n) => n !== i))}
            >
              Remove
            </button>
          )}
        </div>
      ))}
      <BranchTree
        steps={steps}
        branch={branch}
        draft={draft}
        onChange={(next, b) => {
          setBranch(b);
          edit(next);
        }}
      />
      {draft && (
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              edit([
                ...shared,
                {
                  channel: "email",
                  delayDays: 3,
                  condition: "no_reply",
                  subject: "",
                  body: "Hi {{first_name|there}},",
                  variants: [],
                  autoWinner: false,
                },
                ...steps.filter((x) => x.path),
              ])
            }
          >
            {branch ? "Add a shared step" : "Add step"}
          </button>
          <button
            type="button"
            className="primary"
            disabled={save.isPending || !dirty}
            onClick={() => save.mutate()}
          >
            {save.isPending ? "Saving…" : "Save steps"}
          </button>
          {save.isSuccess && !dirty && (
            <span className="ok" role="status">
              Steps saved
            </span>
          )}
          <span className="muted small">
            Merge variables: {"{{first_name}}, {{company}}, {{custom_<field>}}, {{first_name|fallback}}"}.
            Nothing is sent with an empty one. Spintax: {"{Hi|Hello}"} picks one option per lead.
          </span>
        </div>
      )}
      <ErrorNote error={save.error?.message ?? null} />
    </div>
  );
}
