import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote } from "../../components/Field";
import { useSearchState } from "../../hooks/useSearchState";
import { navigate } from "../../router";
import { ask } from "../../components/confirm";

type Play = Get<"/api/plays">[number];
export const channelLabel: Record<string, string> = {
  email: "Email",
  linkedin_invite: "LinkedIn invite",
  linkedin_message: "LinkedIn message",
};

export function PlaysPage() {
  // Search and filters live in the URL: Back and reload bring them back.
  const [f, setF] = useSearchState(["q", "relationship", "channel"] as const);
  const query = {
    q: f.q || undefined,
    relationship: f.relationship || undefined,
    channel: f.channel || undefined,
  };
  const plays = useQuery({
    queryKey: ["/api/plays", query],
    queryFn: () => data(client.GET("/api/plays", { params: { query } })),
    placeholderData: keepPreviousData,
    meta: { inline: true },
  });
  const startRun = useAction(
    (v: { name: string; playKey: string }) => data(client.POST("/api/runs", { body: v })),
    { inline: true, invalidate: [["/api/runs"]], onSuccess: (run) => navigate(`/runs/${run.id}`) },
  );

  async function start(p: Play) {
    const name = await ask({
      title: `Start a run from "${p.name}"`,
      confirm: "Start run",
      field: { label: "Run name", initial: `${p.name} — ${new Date().toLocaleDateString()}` },
    });
    if (name) startRun.mutate({ name, playKey: p.key });
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
          onChange={(e) => setF({ q: e.target.value }, { replace: true })}
        />
        <select
          aria-label="Relationship"
          value={f.relationship}
          onChange={(e) => setF({ relationship: e.target.value })}
        >
          <option value="">Any relationship</option>
          <option value="cold">Cold</option>
          <option value="warm">Warm</option>
          <option value="stalled">Stalled</option>
          <option value="known">Known</option>
        </select>
        <select aria-label="Channel" value={f.channel} onChange={(e) => setF({ channel: e.target.value })}>
          <option value="">Any channel</option>
          <option value="email">Email</option>
          <option value="linkedin">LinkedIn</option>
        </select>
      </div>
      <ErrorNote error={(startRun.error ?? plays.error)?.message ?? null} />
      <div className="cards">
        {plays.data?.map((p) => (
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
            <button type="button" className="primary" disabled={startRun.isPending} onClick={() => start(p)}>
              Start a run
            </button>
          </article>
        ))}
      </div>
    </section>
  );
}
