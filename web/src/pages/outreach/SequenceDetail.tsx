import { useQuery } from "@tanstack/react-query";
import { client, data, isNotFound } from "../../api/client";
import { pollWhile } from "../../api/poll";
import { useAppSession } from "../../api/session";
import { useAction } from "../../api/useAction";
import { ErrorNote } from "../../components/Field";
import { Link } from "../../components/Link";
import { NotFound } from "../../components/NotFound";
import { ArchiveDelete } from "./ArchiveDelete";
import { LaunchButton } from "./LaunchButton";
import { SenderChecklist } from "./SenderChecklist";
import { SenderVolumes } from "./SenderVolumes";
import { SequenceDashboard } from "./SequenceDashboard";
import { StepsEditor } from "./StepsEditor";
import { VariantReport } from "./VariantReport";
import { SchedulePreview } from "./SchedulePreview";
import { daysText, SendingCalendar } from "./SendingCalendar";

type Patch = { senderAccountIds?: string[]; trackOpens?: boolean; trackClicks?: boolean };

export function SequenceDetail({ id }: { id: string }) {
  const { ws } = useAppSession();
  const seq = useQuery({
    queryKey: ["/api/sequences/{id}", id],
    queryFn: () => data(client.GET("/api/sequences/{id}", { params: { path: { id } } })),
    meta: { inline: true },
  });
  const active = seq.data?.status === "active";
  const dash = useQuery({
    queryKey: ["/api/sequences/{id}/dashboard", id],
    queryFn: () => data(client.GET("/api/sequences/{id}/dashboard", { params: { path: { id } } })),
    enabled: !!seq.data && seq.data.status !== "draft",
    // The dashboard follows the scheduler while the sequence sends, less often when nothing moves.
    refetchInterval: pollWhile(() => active, 3000, 30_000),
  });
  const keys = [["/api/sequences/{id}", id], ["/api/sequences/{id}/dashboard", id], ["/api/sequences"]];
  const patch = useAction(
    (body: Patch) => data(client.PATCH("/api/sequences/{id}", { params: { path: { id } }, body })),
    {
      invalidate: keys,
    },
  );
  const pause = useAction(
    () => data(client.POST("/api/sequences/{id}/pause", { params: { path: { id } } })),
    { invalidate: keys },
  );
  const resume = useAction(
    () => data(client.POST("/api/sequences/{id}/resume", { params: { path: { id } } })),
    {
      invalidate: keys,
    },
  );
  if (seq.isError)
    return isNotFound(seq.error) ? <NotFound what="sequence" /> : <ErrorNote error={seq.error.message} />;
  if (!seq.data) return <p className="loading">Loading…</p>;
  const s = seq.data;
  const draft = s.status === "draft";
  return (
    <section>
      <header className="page-head row-between">
        <div>
          <Link to={`/runs/${s.runId}`}>← Run</Link>
          <h1 className="cell-text" title={s.name}>
            {s.name}
          </h1>
          <p className="muted">
            <span className="badge">{s.status}</span> · sends between {s.windowStart ?? ws.windowStart} and{" "}
            {s.windowEnd ?? ws.windowEnd} in each lead's time zone
            {s.sendDays ? `, ${daysText(s.sendDays)}` : ws.skipWeekends ? ", weekdays only" : ""}
            {s.skipHolidays ? ", not on public holidays" : ""}
          </p>
        </div>
        <div className="actions">
          <Link to={`/sequences/${id}/lab`}>Messaging Lab →</Link>
          <label className="check" title="Adds an invisible image; opens show in the Leads table">
            <input
              type="checkbox"
              checked={s.trackOpens}
              disabled={patch.isPending}
              onChange={(e) => patch.mutate({ trackOpens: e.target.checked })}
            />{" "}
            Track opens
          </label>
          <label className="check" title="Links go through a signed redirect that counts the click">
            <input
              type="checkbox"
              checked={s.trackClicks}
              disabled={patch.isPending}
              onChange={(e) => patch.mutate({ trackClicks: e.target.checked })}
            />{" "}
            Track clicks
          </label>
          <LaunchButton id={id} draft={draft} />
          <ArchiveDelete kind="sequences" id={id} archived={!!s.archivedAt} />
          {s.status === "active" && (
            <button type="button" disabled={pause.isPending} onClick={() => pause.mutate()}>
              Pause sequence
            </button>
          )}
          {s.status === "paused" && (
            <button type="button" disabled={resume.isPending} onClick={() => resume.mutate()}>
              Resume sequence
            </button>
          )}
        </div>
      </header>
      <div className="card">
        <h3>Senders</h3>
        <SenderChecklist
          legend="Send from (each lead gets one of the checked senders)"
          value={s.senderAccountIds}
          disabled={patch.isPending}
          onChange={(senderAccountIds) => patch.mutate({ senderAccountIds })}
        />
        {!draft && (
          <p className="muted small">
            Leads already in the sequence keep their sender; a change applies to leads that enter later.
          </p>
        )}
        {dash.data && !draft && <SenderVolumes senders={dash.data.senders} />}
      </div>
      <StepsEditor key={s.status} id={id} steps={s.steps} branch={s.branch} draft={draft} />
      <SendingCalendar seq={s} />
      <SchedulePreview sequenceId={id} />
      {!draft && <VariantReport id={id} active={active} />}
      {dash.data && !draft && <SequenceDashboard id={id} dash={dash.data} workspaceZone={ws.timezone} />}
    </section>
  );
}
