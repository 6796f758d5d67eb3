import { useState } from "react";
import { ApiError, client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { Dialog } from "../../components/Dialog";

type Finding = { leadId?: string; message: string; severity?: string };

/**
 * Stays mounted after the launch (the sequence is no longer a draft) so its result stays readable.
 * Launch asks first (what will happen), is disabled while in flight so a double-click launches once,
 * and a refusal lists the leads that hold it, in the dialog, with the reason for each.
 */
export function LaunchButton({ id, draft }: { id: string; draft: boolean }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const launch = useAction(
    () => data(client.POST("/api/sequences/{id}/launch", { params: { path: { id } } })),
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
        setDone(`Launched: ${r.active} leads active, ${r.blocked} blocked`);
      },
    },
  );
  const err = launch.error;
  const findings = (
    err instanceof ApiError ? ((err.details as { findings?: Finding[] })?.findings ?? []) : []
  ).filter((f) => f.severity !== "warning");
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
            <button
              type="button"
              className="primary"
              disabled={launch.isPending}
              onClick={() => launch.mutate()}
            >
              {launch.isPending ? "Launching…" : "Launch now"}
            </button>
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
            {findings.length > 0 && (
              <ul className="plain">
                {findings.slice(0, 50).map((f, i) => (
                  <li key={i}>{f.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Dialog>
    </>
  );
}
