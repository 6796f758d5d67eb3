import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { useDraft } from "../../api/useDraft";
import { ErrorNote, Field } from "../../components/Field";

const plusVibeKey = ["/api/integrations/plusvibe"];

/** Connections to other products: PlusVibe for delivery (the LinkedIn provider comes later). */
export function IntegrationsSettings({ canEdit }: { canEdit: boolean }) {
  const qc = useQueryClient();
  const loaded = useQuery({
    queryKey: plusVibeKey,
    queryFn: () => data(client.GET("/api/integrations/plusvibe")),
    meta: { inline: true },
  });
  const pv = loaded.data;
  const draft = useDraft({ apiKey: "", workspaceId: pv?.workspaceId ?? "", baseUrl: pv?.baseUrl ?? "" });
  const form = draft.value;
  const save = useAction(
    () =>
      data(
        client.PUT("/api/integrations/plusvibe", {
          body: {
            ...(form.apiKey ? { apiKey: form.apiKey } : {}),
            workspaceId: form.workspaceId,
            ...(form.baseUrl ? { baseUrl: form.baseUrl } : {}),
          },
        }),
      ),
    {
      inline: true,
      // The answer carries the connection check, which a later GET does not.
      onSuccess: (r) => {
        qc.setQueryData(plusVibeKey, r);
        draft.reset();
      },
    },
  );
  const sync = useAction(() => data(client.POST("/api/plusvibe/sync")), { inline: true });
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  const r = sync.data;
  return (
    <div className="stack">
      <h3>PlusVibe</h3>
      <p className="muted">
        Push leads whose writeback is done into a PlusVibe campaign with their custom_* variables (Leads →
        select → Push selected), and mark them completed.
      </p>
      {pv && (
        <p className={pv.connected ? "ok" : "muted"} role="status">
          {pv.connected ? `Connected to workspace ${pv.workspaceId}` : "Not connected"}
          {pv.check &&
            (pv.check.ok
              ? ` · connection checked: ${pv.check.campaigns} campaign(s)`
              : ` · check failed: ${pv.check.error}`)}
        </p>
      )}
      {pv?.connected && (
        <div className="card stack small">
          <div>
            PlusVibe webhook URL (paste it in PlusVibe's webhook settings for sent, bounced and reply events):{" "}
            <code>{pv.webhookUrl}</code>
          </div>
          <div className="actions">
            <button type="button" disabled={sync.isPending} onClick={() => sync.mutate()}>
              Sync leads and statuses now
            </button>
            {r && (
              <span className="ok">
                Synced: {r.seen} PlusVibe leads read, {r.matched} matched here, {r.updated} updated
              </span>
            )}
          </div>
        </div>
      )}
      <ErrorNote error={save.error?.message ?? sync.error?.message ?? loaded.error?.message ?? null} />
      {canEdit ? (
        <form className="card form-grid" onSubmit={submit}>
          <Field
            label="API key"
            hint={pv?.connected ? "Leave empty to keep the stored key." : "Stored encrypted."}
          >
            <input
              type="password"
              value={form.apiKey}
              onChange={(e) => draft.set("apiKey", e.target.value)}
            />
          </Field>
          <Field label="PlusVibe workspace id">
            <input
              required
              value={form.workspaceId}
              onChange={(e) => draft.set("workspaceId", e.target.value)}
            />
          </Field>
          <Field label="API base URL">
            <input type="url" value={form.baseUrl} onChange={(e) => draft.set("baseUrl", e.target.value)} />
          </Field>
          <div className="actions">
            <button className="primary" type="submit" disabled={save.isPending}>
              Save and check
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">Only owners and admins connect integrations.</p>
      )}
    </div>
  );
}
