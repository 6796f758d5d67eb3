import { type FormEvent, useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAppSession } from "../../api/session";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";

type Sequence = Get<"/api/sequences/{id}">;
const DAYS = [
  [1, "Mon"],
  [2, "Tue"],
  [3, "Wed"],
  [4, "Thu"],
  [5, "Fri"],
  [6, "Sat"],
  [0, "Sun"],
] as const;

/**
 * The sequence's own sending days and hours (empty hours: the workspace's), and whether to skip the
 * public holidays of each lead's country. Saved together, so a half-set calendar never applies.
 */
export function SendingCalendar({ seq }: { seq: Sequence }) {
  const { ws } = useAppSession();
  const wsDays = ws.skipWeekends ? [1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6];
  const [days, setDays] = useState<number[]>(seq.sendDays ?? wsDays);
  const [start, setStart] = useState(seq.windowStart ?? "");
  const [end, setEnd] = useState(seq.windowEnd ?? "");
  const [holidays, setHolidays] = useState(seq.skipHolidays);
  const [saved, setSaved] = useState(false);
  const save = useAction(
    () =>
      data(
        client.PATCH("/api/sequences/{id}", {
          params: { path: { id: seq.id } },
          body: {
            // The workspace's days stay "the workspace's" (they follow its setting) until changed here.
            sendDays: seq.sendDays === null && sameDays(days, wsDays) ? null : days,
            windowStart: start || null,
            windowEnd: end || null,
            skipHolidays: holidays,
          },
        }),
      ),
    {
      inline: true,
      invalidate: [["/api/sequences/{id}", seq.id]],
      onSuccess: () => setSaved(true),
    },
  );
  const toggle = (d: number, on: boolean) => {
    setSaved(false);
    setDays((xs) => (on ? [...xs, d] : xs.filter((x) => x !== d)));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card stack" aria-label="Sending calendar" onSubmit={submit}>
      <h3>Sending days and hours</h3>
      <fieldset className="row">
        <legend>Sending days</legend>
        {DAYS.map(([d, label]) => (
          <label key={d} className="check">
            <input type="checkbox" checked={days.includes(d)} onChange={(e) => toggle(d, e.target.checked)} />{" "}
            {label}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <Field label="From" hint={`Lead's local time. Empty: the workspace's (${ws.windowStart}).`}>
          <input
            type="time"
            aria-label="Sending hours start"
            placeholder={ws.windowStart}
            value={start}
            onChange={(e) => (setSaved(false), setStart(e.target.value))}
          />
        </Field>
        <Field label="Until" hint={`Empty: the workspace's (${ws.windowEnd}).`}>
          <input
            type="time"
            aria-label="Sending hours end"
            placeholder={ws.windowEnd}
            value={end}
            onChange={(e) => (setSaved(false), setEnd(e.target.value))}
          />
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={holidays}
          onChange={(e) => (setSaved(false), setHolidays(e.target.checked))}
        />{" "}
        Skip public holidays in the lead's country
      </label>
      <p className="muted small">
        The country comes from the lead's time zone. A step that falls on a holiday goes on the next sending
        day.
      </p>
      <div className="row">
        <button type="submit" disabled={save.isPending || days.length === 0}>
          Save calendar
        </button>
        {days.length === 0 && <span className="muted small">Choose at least one day.</span>}
        {saved && <span className="muted small">Saved.</span>}
      </div>
      <ErrorNote error={save.error?.message ?? null} />
    </form>
  );
}

const sameDays = (a: number[], b: number[]) => a.length === b.length && a.every((d) => b.includes(d));

/** "Mon, Wed, Fri" in week order. */
export const daysText = (days: number[]) =>
  DAYS.filter(([d]) => days.includes(d))
    .map(([, l]) => l)
    .join(", ");
