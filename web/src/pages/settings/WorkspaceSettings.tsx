import { type FormEvent, useEffect, useState } from "react";
import { api, type Workspace } from "../../api";
import { ErrorNote, Field } from "../../components/Field";

export function WorkspaceSettings({ canEdit, onSaved }: { canEdit: boolean; onSaved: () => void }) {
  const [ws, setWs] = useState<Workspace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api<Workspace>("GET", "/api/workspace").then(setWs, (e) => setError(e.message));
  }, []);
  if (!ws) return <ErrorNote error={error} />;
  const set = <K extends keyof Workspace>(k: K, v: Workspace[K]) => {
    setSaved(false);
    setWs({ ...ws, [k]: v });
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!ws) return;
    setError(null);
    try {
      const { name, timezone, windowStart, windowEnd, skipWeekends, stopCompanyOnReply } = ws;
      setWs(
        await api<Workspace>("PATCH", "/api/workspace", {
          name,
          timezone,
          windowStart,
          windowEnd,
          skipWeekends,
          stopCompanyOnReply,
        }),
      );
      setSaved(true);
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <form className="card form-grid" onSubmit={save}>
      <Field label="Workspace name">
        <input
          name="name"
          disabled={!canEdit}
          value={ws.name}
          onChange={(e) => set("name", e.target.value)}
        />
      </Field>
      <Field
        label="Timezone"
        hint="IANA name, e.g. Europe/Berlin. Used when a lead's own timezone is unknown."
      >
        <input
          name="timezone"
          disabled={!canEdit}
          value={ws.timezone}
          onChange={(e) => set("timezone", e.target.value)}
        />
      </Field>
      <div className="row">
        <Field label="Sending window opens" hint="In each lead's local time.">
          <input
            name="windowStart"
            type="time"
            disabled={!canEdit}
            value={ws.windowStart}
            onChange={(e) => set("windowStart", e.target.value)}
          />
        </Field>
        <Field label="Sending window closes">
          <input
            name="windowEnd"
            type="time"
            disabled={!canEdit}
            value={ws.windowEnd}
            onChange={(e) => set("windowEnd", e.target.value)}
          />
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          disabled={!canEdit}
          checked={ws.skipWeekends}
          onChange={(e) => set("skipWeekends", e.target.checked)}
        />
        Don't send on Saturdays and Sundays (lead's local days)
      </label>
      <label className="check">
        <input
          type="checkbox"
          disabled={!canEdit}
          checked={ws.stopCompanyOnReply}
          onChange={(e) => set("stopCompanyOnReply", e.target.checked)}
        />
        When someone replies, stop follow-ups to everyone at the same company
      </label>
      <ErrorNote error={error} />
      {canEdit ? (
        <div className="actions">
          <button className="primary" type="submit">
            Save settings
          </button>
          {saved && (
            <span className="ok" role="status">
              Saved
            </span>
          )}
        </div>
      ) : (
        <p className="muted">Only owners and admins can change settings.</p>
      )}
    </form>
  );
}
