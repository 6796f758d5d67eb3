import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data } from "../../api/client";
import { useIdempotencyKey } from "../../api/idempotencyKey";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";
import { navigate } from "../../router";
import { SenderChecklist } from "./SenderChecklist";

/** Create a sequence in a run; the button stays disabled while the request runs, so one click makes one. */
export function CreateSequenceForm({ runId }: { runId: string }) {
  const lists = useQuery({ queryKey: ["/api/lists"], queryFn: () => data(client.GET("/api/lists")) });
  const profiles = useQuery({
    queryKey: ["/api/strategy-profiles"],
    queryFn: () => data(client.GET("/api/strategy-profiles")),
  });
  const [form, setForm] = useState({
    name: "",
    listIds: [] as string[],
    senderAccountIds: [] as string[],
    strategyProfileId: "",
  });
  const idem = useIdempotencyKey();
  const create = useAction(
    () =>
      data(
        client.POST("/api/sequences", {
          headers: idem.headers,
          body: {
            runId,
            name: form.name,
            listIds: form.listIds,
            senderAccountIds: form.senderAccountIds.length ? form.senderAccountIds : undefined,
            strategyProfileId: form.strategyProfileId || undefined,
          },
        }),
      ),
    {
      inline: true,
      invalidate: [["/api/sequences"], ["/api/home"]],
      onSuccess: (s) => {
        idem.renew();
        navigate(`/sequences/${s.id}`);
      },
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!create.isPending) create.mutate();
  };
  return (
    <form className="card form-grid" onSubmit={submit}>
      <h3>Create sequence</h3>
      <Field label="Sequence name">
        <input
          required
          maxLength={120}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
      </Field>
      <fieldset className="plain-fieldset">
        <legend className="field-label">Lead lists (source groups)</legend>
        {(lists.data ?? []).map((l) => (
          <label key={l.id} className="check">
            <input
              type="checkbox"
              checked={form.listIds.includes(l.id)}
              onChange={(e) =>
                setForm({
                  ...form,
                  listIds: e.target.checked
                    ? [...form.listIds, l.id]
                    : form.listIds.filter((x) => x !== l.id),
                })
              }
            />
            {l.name} <span className="muted small">({l.leadCount})</span>
          </label>
        ))}
      </fieldset>
      <SenderChecklist
        legend="Sender accounts (none: choose later)"
        value={form.senderAccountIds}
        onChange={(senderAccountIds) => setForm({ ...form, senderAccountIds })}
      />
      <Field label="Strategy profile">
        <select
          value={form.strategyProfileId}
          onChange={(e) => setForm({ ...form, strategyProfileId: e.target.value })}
        >
          <option value="">None</option>
          {(profiles.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <ErrorNote error={create.error?.message ?? null} />
      <div className="actions">
        <button className="primary" type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create sequence"}
        </button>
      </div>
    </form>
  );
}
