import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { useDraft } from "../../api/useDraft";
import { ErrorNote, Field } from "../../components/Field";

type Workspace = Get<"/api/workspace">;
const workspaceKey = ["/api/workspace"];

export function WorkspaceSettings({ canEdit, onSaved }: { canEdit: boolean; onSaved: () => void }) {
  const loaded = useQuery({
    queryKey: workspaceKey,
    queryFn: () => data(client.GET("/api/workspace")),
    meta: { inline: true },
  });
  const draft = useDraft(loaded.data);
  const [saved, setSaved] = useState(false);
  const save = useAction(
    (ws: Workspace) => {
      const { name, timezone, windowStart, windowEnd, skipWeekends, stopCompanyOnReply } = ws;
      const body = { name, timezone, windowStart, windowEnd, skipWeekends, stopCompanyOnReply };
      return data(client.PATCH("/api/workspace", { body }));
    },
    {
      inline: true,
      invalidate: [workspaceKey],
      onSuccess: () => {
        draft.reset();
        setSaved(true);
        onSaved();
      },
    },
  );
  const error = save.error?.message ?? loaded.error?.message ?? null;
  const ws = draft.value;
  if (!ws) return <ErrorNote error={error} />;
  const set = <K extends keyof Workspace>(k: K, v: Workspace[K]) => {
    setSaved(false);
    draft.set(k, v);
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    if (ws) save.mutate(ws);
  }

  return (
    <form className="card form-grid" onSubmit={submit}>
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
          <button className="primary" type="submit" disabled={save.isPending}>
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
