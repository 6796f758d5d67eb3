import { useState } from "react";
import { ApiError, client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { Dialog } from "../../components/Dialog";

type Finding = { leadId?: string; message: string; severity?: string };
type Skippable = { leadId: string; name: string; reason: string };
type Refusal = { findings?: Finding[]; skippable?: Skippable[]; launchable?: number };

/**
 * Stays mounted after the launch (the sequence is no longer a draft) so its result stays readable.
 * Launch asks first (what will happen), is disabled while in flight so a double-click launches once,
 * and a refusal lists the leads that hold it, in the dialog, with the reason for each. When only some
 * leads are held, the dialog offers to launch the others and skip those ("Launch 41, skip 1").
 */
export function LaunchButton({
  id,
  draft,
  onLaunched,
}: {
  id: string;
  draft: boolean;
  onLaunched?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const launch = useAction(
    (skipBlocked: boolean) =>
      data(
        client.POST("/api/sequences/{id}/launch", {
          params: { path: { id } },
          body: skipBlocked ? { skipBlocked } : {},
        }),
      ),
    {
      invalidate: [
        ["/api/sequences/{id}", id],
        ["/api/sequences/{id}/dashboard", id],
        ["/api/sequences"],
        ["/api/home"],
      ],
      inline: true,
      onSuccess: (r) => {
        setOpen(false);
        setDone(
          `Launched: ${r.active} leads active, ${r.blocked} blocked${r.skipped ? ` (${r.skipped} skipped for readiness findings)` : ""}`,
        );
        onLaunched?.();
      },
    },
  );
  const err = launch.error;
  const refusal: Refusal = err instanceof ApiError ? ((err.details as Refusal) ?? {}) : {};
  const findings = (refusal.findings ?? []).filter((f) => f.severity !== "warning");
  const skippable = refusal.skippable ?? [];
  const launchable = refusal.launchable ?? 0;
  return (
    <>
      {draft && (
        <button type="button" className="primary" onClick={() => (launch.reset(), setOpen(true))}>
          Launch
        </button>
      )}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <Dialog
        open={open}
        title="Launch this sequence?"
        onClose={() => setOpen(false)}
        actions={
          <>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
            {skippable.length > 0 && launchable > 0 ? (
              <button
                type="button"
                className="primary"
                disabled={launch.isPending}
                onClick={() => launch.mutate(true)}
              >
                {launch.isPending ? "Launching…" : `Launch ${launchable}, skip ${skippable.length}`}
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                disabled={launch.isPending}
                onClick={() => launch.mutate(false)}
              >
                {launch.isPending ? "Launching…" : "Launch now"}
              </button>
            )}
          </>
        }
      >
        <p>
          Every lead of the sequence's lists is enrolled (duplicates once, the blocklist checked) and the
          first step goes out in each lead's own sending window. Steps cannot be edited after launch.
        </p>
        {err && (
          <div role="alert" className="error">
            <p>{err.message}</p>
            {skippable.length > 0 ? (
              <>
                <p>
                  {launchable > 0
                    ? `${launchable} lead(s) are ready. These ${skippable.length} would be skipped (enrolled as blocked, never contacted):`
                    : "Every lead is held:"}
                </p>
                <ul className="plain">
                  {skippable.slice(0, 50).map((s) => (
                    <li key={s.leadId}>
                      <strong>{s.name}</strong>: {s.reason}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              findings.length > 0 && (
                <ul className="plain">
                  {findings.slice(0, 50).map((f, i) => (
                    <li key={i}>{f.message}</li>
                  ))}
                </ul>
              )
            )}
          </div>
        )}
      </Dialog>
    </>
  );
}
