import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { useDraft } from "../../api/useDraft";
import { ErrorNote, Field } from "../../components/Field";
import { LinkedInBudgets } from "./LinkedInBudgets";

type LinkedIn = Get<"/api/integrations/linkedin">;
const linkedInKey = ["/api/integrations/linkedin"];

/** "…: reason." without a doubled full stop when the reason ends with one. */
const sentence = (s: string) => s.trim().replace(/[.\s]+$/, "");
const getLinkedIn = () => data(client.GET("/api/integrations/linkedin"));

/**
 * A LinkedIn account through Unipile: profile enrichment, replies, and the invitation and message
 * steps of sequences, within the account's budgets.
 */
export function LinkedInSettings({ canEdit }: { canEdit: boolean }) {
  const qc = useQueryClient();
  const loaded = useQuery({ queryKey: linkedInKey, queryFn: getLinkedIn, meta: { inline: true } });
  const li = loaded.data;
  const draft = useDraft({ apiKey: "", dsn: li?.dsn ?? "", accountId: li?.accountId ?? "" });
  const form = draft.value;
  // The answer of a save carries the connection check, which a later GET does not: keep it.
  const store = (fresh: LinkedIn) =>
    qc.setQueryData<LinkedIn>(linkedInKey, (old) => ({ ...fresh, check: fresh.check ?? old?.check }));
  const save = useAction(
    () =>
      data(
        client.PUT("/api/integrations/linkedin", {
          body: { ...(form.apiKey ? { apiKey: form.apiKey } : {}), dsn: form.dsn, accountId: form.accountId },
        }),
      ),
    {
      inline: true,
      onSuccess: (r) => {
        qc.setQueryData(linkedInKey, r);
        draft.reset();
      },
    },
  );
  const poll = useAction(
    async () => {
      const { accepted } = await data(client.POST("/api/integrations/linkedin/poll"));
      // The check moves "last checked", and an account LinkedIn refused on the way is now paused.
      store(await getLinkedIn());
      return `${accepted} new ${accepted === 1 ? "acceptance" : "acceptances"} found`;
    },
    { inline: true },
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    poll.reset();
    save.mutate();
  }
  const paused = li?.status === "paused";
  return (
    <div className="stack">
      <h3>LinkedIn (through Unipile)</h3>
      {paused && (
        <div className="card notice" role="alert">
          <strong>
            LinkedIn actions are paused
            {li.pausedReason ? `: ${sentence(li.pausedReason)}` : ""}. Check the account in Unipile/LinkedIn,
            then press Save and check to resume.
          </strong>
          <span className="small">Until then, every LinkedIn step waits and nothing is sent.</span>
        </div>
      )}
      <p className="muted">
        Send the invitation and message steps of your sequences from your own LinkedIn account, within the
        budgets below; enrich leads from their LinkedIn profiles; and see LinkedIn replies in the inbox: a
        reply stops every later step on every channel.
      </p>
      {li && (
        <p className={li.connected && li.status === "ok" ? "ok" : "muted"} role="status">
          {li.connected ? `Account ${li.accountId}: ${li.status}` : "Not connected"}
          {li.check && !li.check.ok && ` · check failed: ${li.check.error}`}
        </p>
      )}
      {li?.connected && (
        <div className="card stack small">
          <div>
            Unipile webhook URL (new messages and new relations): <code>{li.webhookUrl}</code>
          </div>
          <div className="actions">
            {canEdit && (
              <button
                type="button"
                onClick={() => {
                  save.reset();
                  poll.mutate();
                }}
                disabled={poll.isPending || paused}
              >
                {poll.isPending ? "Checking…" : "Check for accepted invitations now"}
              </button>
            )}
            <span className="muted">
              {li.lastPolledAt
                ? `Last checked ${new Date(li.lastPolledAt).toLocaleString()}`
                : "Not checked yet"}
              {paused && " · not checked while the account is paused"}
            </span>
            {poll.data && (
              <span className="ok" role="status">
                {poll.data}
              </span>
            )}
          </div>
        </div>
      )}
      <ErrorNote error={save.error?.message ?? poll.error?.message ?? loaded.error?.message ?? null} />
      {canEdit ? (
        <form className="card form-grid" onSubmit={submit}>
          <Field
            label="Unipile API key"
            hint={li?.connected ? "Leave empty to keep the stored key." : "Stored encrypted."}
          >
            <input
              type="password"
              value={form.apiKey}
              onChange={(e) => draft.set("apiKey", e.target.value)}
            />
          </Field>
          <Field label="Unipile DSN" hint="e.g. api8.unipile.com:13851">
            <input required value={form.dsn} onChange={(e) => draft.set("dsn", e.target.value)} />
          </Field>
          <Field label="Account id">
            <input required value={form.accountId} onChange={(e) => draft.set("accountId", e.target.value)} />
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
      {li?.connected && li.limits && (
        <LinkedInBudgets
          key={li.accountId ?? ""}
          canEdit={canEdit}
          limits={li.limits}
          onSaved={(limits) => qc.setQueryData<LinkedIn>(linkedInKey, (old) => old && { ...old, limits })}
        />
      )}
    </div>
  );
}
