import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";

type Tone = "friendly" | "direct" | "formal";
const profilesKey = ["/api/strategy-profiles"];

/** Strategy profiles: who writes, the offer, the proof, the tone and the call to action the writer uses. */
export function StrategySettings() {
  const profiles = useQuery({
    queryKey: profilesKey,
    queryFn: () => data(client.GET("/api/strategy-profiles")),
    meta: { inline: true },
  });
  const [f, setF] = useState({
    name: "",
    senderName: "",
    senderCompany: "",
    offer: "",
    proofPoints: "",
    tone: "friendly" as Tone,
    callToAction: "",
  });
  const save = useAction(
    () =>
      data(
        client.POST("/api/strategy-profiles", {
          body: {
            ...f,
            proofPoints: f.proofPoints
              .split("\n")
              .map((s) => s.trim())
              .filter(Boolean),
          },
        }),
      ),
    { inline: true, invalidate: [profilesKey], onSuccess: () => setF({ ...f, name: "" }) },
  );
  function add(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <div className="stack">
      <p className="muted">
        Who is writing, what you offer, the proof, the tone and the call to action: sequences use this to
        write messages.
      </p>
      <ul className="plain">
        {(profiles.data ?? []).map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>{" "}
            <span className="muted small">
              — {p.senderName} · {p.tone} · {p.offer}
            </span>
          </li>
        ))}
      </ul>
      <form className="card form-grid" onSubmit={add}>
        <h3>New strategy profile</h3>
        <Field label="Profile name">
          <input required value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
        </Field>
        <div className="row">
          <Field label="Sender name">
            <input value={f.senderName} onChange={(e) => setF({ ...f, senderName: e.target.value })} />
          </Field>
          <Field label="Sender company">
            <input value={f.senderCompany} onChange={(e) => setF({ ...f, senderCompany: e.target.value })} />
          </Field>
        </div>
        <Field label="Offer">
          <textarea rows={2} value={f.offer} onChange={(e) => setF({ ...f, offer: e.target.value })} />
        </Field>
        <Field label="Proof points" hint="One per line.">
          <textarea
            rows={3}
            value={f.proofPoints}
            onChange={(e) => setF({ ...f, proofPoints: e.target.value })}
          />
        </Field>
        <div className="row">
          <Field label="Tone">
            <select value={f.tone} onChange={(e) => setF({ ...f, tone: e.target.value as Tone })}>
              <option value="friendly">Friendly</option>
              <option value="direct">Direct</option>
              <option value="formal">Formal</option>
            </select>
          </Field>
          <Field label="Call to action">
            <input value={f.callToAction} onChange={(e) => setF({ ...f, callToAction: e.target.value })} />
          </Field>
        </div>
        <ErrorNote error={save.error?.message ?? profiles.error?.message ?? null} />
        <div className="actions">
          <button className="primary" type="submit" disabled={save.isPending}>
            Save profile
          </button>
        </div>
      </form>
    </div>
  );
}
