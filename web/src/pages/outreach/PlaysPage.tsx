import { useEffect, useState } from "react";
import { api } from "../../api";
import { ErrorNote } from "../../components/Field";
import { navigate } from "../../router";
import { ask } from "../../components/confirm";

type Play = {
  key: string;
  name: string;
  goal: string;
  category: string;
  relationship: string;
  channels: string[];
  steps: { channel: string; delayDays: number; condition: string }[];
  builtIn: boolean;
};
export const channelLabel: Record<string, string> = {
  email: "Email",
  linkedin_invite: "LinkedIn invite",
  linkedin_message: "LinkedIn message",
};

export function PlaysPage() {
  const [plays, setPlays] = useState<Play[]>([]);
  const [f, setF] = useState({ q: "", relationship: "", channel: "" });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const p = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
    api<Play[]>("GET", `/api/plays?${p}`).then(setPlays, (e) => setError(e.message));
  }, [f]);

  async function start(p: Play) {
    const name = await ask({
      title: `Start a run from "${p.name}"`,
      confirm: "Start run",
      field: { label: "Run name", initial: `${p.name} — ${new Date().toLocaleDateString()}` },
    });
    if (!name) return;
    try {
      const run = await api<{ id: string }>("POST", "/api/runs", { name, playKey: p.key });
      navigate(`/runs/${run.id}`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section>
      <header className="page-head">
        <h1>Plays</h1>
        <p className="muted">
          Reusable outreach motions. Start a run from one; its steps become your sequence's starting point.
        </p>
      </header>
      <div className="filters">
        <input
          type="search"
          aria-label="Search plays"
          placeholder="Search plays…"
          value={f.q}
          onChange={(e) => setF({ ...f, q: e.target.value })}
        />
        <select
          aria-label="Relationship"
          value={f.relationship}
          onChange={(e) => setF({ ...f, relationship: e.target.value })}
        >
          <option value="">Any relationship</option>
          <option value="cold">Cold</option>
          <option value="warm">Warm</option>
          <option value="stalled">Stalled</option>
          <option value="known">Known</option>
        </select>
        <select
          aria-label="Channel"
          value={f.channel}
          onChange={(e) => setF({ ...f, channel: e.target.value })}
        >
          <option value="">Any channel</option>
          <option value="email">Email</option>
          <option value="linkedin">LinkedIn</option>
        </select>
      </div>
      <ErrorNote error={error} />
      <div className="cards">
        {plays.map((p) => (
          <article key={p.key} className="card play">
            <h3>{p.name}</h3>
            <p className="muted small">
              {p.relationship} · {p.category.replace(/_/g, " ")} · {p.channels.join(" + ")}
            </p>
            <p>{p.goal}</p>
            <ol className="steps small">
              {p.steps.map((s, i) => (
                <li key={i}>
                  {channelLabel[s.channel]} — {i === 0 ? "day 0" : `+${s.delayDays} days`}
                  {s.condition === "no_reply" ? ", if no reply" : ""}
                </li>
              ))}
            </ol>
            <button type="button" className="primary" onClick={() => start(p)}>
              Start a run
            </button>
          </article>
        ))}
      </div>
    </section>
  );
}
