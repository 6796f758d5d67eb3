import { type FormEvent, useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";

/** The account's budgets, shared by every run and sequence that sends through it (workDays: ISO, 1 = Monday). */
export type LinkedInLimits = NonNullable<Get<"/api/integrations/linkedin">["limits"]>;

const WEEKDAYS: [number, string, string][] = [
  [1, "Mon", "Monday"],
  [2, "Tue", "Tuesday"],
  [3, "Wed", "Wednesday"],
  [4, "Thu", "Thursday"],
  [5, "Fri", "Friday"],
  [6, "Sat", "Saturday"],
  [7, "Sun", "Sunday"],
];

type NumKey =
  "invitesPerDay" | "invitesPerWeek" | "messagesPerDay" | "minGapMinutes" | "maxGapMinutes" | "notesPerMonth";
const NUM_KEYS: NumKey[] = [
  "invitesPerDay",
  "invitesPerWeek",
  "messagesPerDay",
  "minGapMinutes",
  "maxGapMinutes",
  "notesPerMonth",
];
/** Numbers are edited as text, so a field can be emptied while typing. */
type LimitsForm = Omit<LinkedInLimits, NumKey> & Record<NumKey, string>;

const toForm = (l: LinkedInLimits): LimitsForm => ({
  ...l,
  ...(Object.fromEntries(NUM_KEYS.map((k) => [k, String(l[k])])) as Record<NumKey, string>),
});
const fromForm = (f: LimitsForm): LinkedInLimits => ({
  ...f,
  ...(Object.fromEntries(NUM_KEYS.map((k) => [k, Number(f[k])])) as Record<NumKey, number>),
});

/** IANA names the browser knows, offered as suggestions for the time zone field. */
const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
})();

const LABELS: Record<keyof LinkedInLimits, string> = {
  invitesPerDay: "Invitations a day",
  invitesPerWeek: "Invitations a week",
  messagesPerDay: "Messages a day",
  minGapMinutes: "Shortest gap (minutes)",
  maxGapMinutes: "Longest gap (minutes)",
  workStart: "Working day starts",
  workEnd: "Working day ends",
  workDays: "Working days",
  timezone: "Time zone",
  freeAccount: "Free LinkedIn account",
  notesPerMonth: "Invitation notes a month",
};

/**
 * The server's validation message, which names fields by their API keys ("body.minGapMinutes:
 * minGapMinutes must …"), with the labels of this form instead.
 */
const readable = (message: string) =>
  message
    .replace(/^body(\.\w+)*: /, "")
    .replace(/\b(\w+)\b/g, (w) => (Object.hasOwn(LABELS, w) ? `“${LABELS[w as keyof LinkedInLimits]}”` : w));

/** The account's budgets, working hours and note quota (PUT /api/integrations/linkedin/limits). */
export function LinkedInBudgets({
  canEdit,
  limits,
  onSaved,
}: {
  canEdit: boolean;
  limits: LinkedInLimits;
  onSaved: (limits: LinkedInLimits) => void;
}) {
  const [f, setF] = useState<LimitsForm>(() => toForm(limits));
  const [saved, setSaved] = useState(false);
  const save = useAction(
    (body: LinkedInLimits) => data(client.PUT("/api/integrations/linkedin/limits", { body })),
    {
      inline: true,
      onSuccess: (stored) => {
        setF(toForm(stored));
        setSaved(true);
        onSaved(stored);
      },
    },
  );
  const set = <K extends keyof LimitsForm>(k: K, v: LimitsForm[K]) => {
    setSaved(false);
    setF((old) => ({ ...old, [k]: v }));
  };
  const toggleDay = (day: number) =>
    set(
      "workDays",
      f.workDays.includes(day)
        ? f.workDays.filter((d) => d !== day)
        : [...f.workDays, day].sort((a, b) => a - b),
    );
  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    save.mutate(fromForm(f));
  }
  const num = (k: NumKey, max: number) => (
    <input
      type="number"
      inputMode="numeric"
      required
      min={0}
      max={max}
      step={1}
      disabled={!canEdit}
      value={f[k]}
      onChange={(e) => set(k, e.target.value)}
    />
  );
  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="linkedin-budgets-title">
      <div>
        <h3 id="linkedin-budgets-title">Budgets</h3>
        <p className="muted small">
          Every invitation and message of this account, from every run and sequence, draws on these. An action
          that does not fit waits for the next opening.
        </p>
      </div>
      <div className="row">
        <Field label={LABELS.invitesPerDay} hint="0–100, default 20.">
          {num("invitesPerDay", 100)}
        </Field>
        <Field label={LABELS.invitesPerWeek} hint="Over a rolling 7 days. 0–500, default 100.">
          {num("invitesPerWeek", 500)}
        </Field>
        <Field label={LABELS.messagesPerDay} hint="0–300, default 50.">
          {num("messagesPerDay", 300)}
        </Field>
      </div>
      <div className="row">
        <Field label={LABELS.minGapMinutes} hint="Between two actions of the account. 0–240, default 2.">
          {num("minGapMinutes", 240)}
        </Field>
        <Field label={LABELS.maxGapMinutes} hint="Each gap is drawn at random in between. Default 8.">
          {num("maxGapMinutes", 240)}
        </Field>
      </div>
      <div className="row">
        <Field label={LABELS.workStart}>
          <input
            type="time"
            required
            disabled={!canEdit}
            value={f.workStart}
            onChange={(e) => set("workStart", e.target.value)}
          />
        </Field>
        <Field label={LABELS.workEnd} hint="In the account's time zone.">
          <input
            type="time"
            required
            disabled={!canEdit}
            value={f.workEnd}
            onChange={(e) => set("workEnd", e.target.value)}
          />
        </Field>
      </div>
      <fieldset className="checks weekdays" disabled={!canEdit}>
        <legend>{LABELS.workDays}</legend>
        {WEEKDAYS.map(([day, short, long]) => (
          <label key={day} className="check">
            <input
              type="checkbox"
              aria-label={long}
              checked={f.workDays.includes(day)}
              onChange={() => toggleDay(day)}
            />
            {short}
          </label>
        ))}
      </fieldset>
      <Field label={LABELS.timezone} hint="IANA name of the account's time zone, e.g. Europe/Berlin.">
        <input
          required
          list={TIME_ZONES.length ? "linkedin-time-zones" : undefined}
          autoComplete="off"
          spellCheck={false}
          disabled={!canEdit}
          value={f.timezone}
          onChange={(e) => set("timezone", e.target.value)}
        />
      </Field>
      {TIME_ZONES.length > 0 && (
        <datalist id="linkedin-time-zones">
          {TIME_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      )}
      <label className="check">
        <input
          type="checkbox"
          disabled={!canEdit}
          checked={f.freeAccount}
          onChange={(e) => set("freeAccount", e.target.checked)}
        />
        Free LinkedIn account (a few invitation notes a month)
      </label>
      {f.freeAccount && (
        <Field
          label={LABELS.notesPerMonth}
          hint="0–100, default 5. Later invitations that month go without their note."
        >
          {num("notesPerMonth", 100)}
        </Field>
      )}
      <ErrorNote error={save.error ? readable(save.error.message) : null} />
      {canEdit ? (
        <div className="actions">
          <button className="primary" type="submit" disabled={save.isPending}>
            Save budgets
          </button>
          {saved && (
            <span className="ok" role="status">
              Saved
            </span>
          )}
        </div>
      ) : (
        <p className="muted">Only owners and admins change the budgets.</p>
      )}
    </form>
  );
}
