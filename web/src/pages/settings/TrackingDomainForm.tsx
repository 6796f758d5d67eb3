import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { client, data, type Get } from "../../api/client";
import { useAction } from "../../api/useAction";
import { ErrorNote, Field } from "../../components/Field";

type Tracking = Get<"/api/sender-accounts/{id}/tracking-domain">;
const BADGE = { pass: "state-ready", fail: "state-blocking" } as const;

/**
 * The sender's own host for the links in its mail (track.acme.com, a CNAME to Overture). Links move
 * to it only once the CNAME is checked; until then they stay on the server's public address.
 */
export function TrackingDomainForm({ senderId, canEdit }: { senderId: string; canEdit: boolean }) {
  const path = { params: { path: { id: senderId } } };
  const key = ["/api/sender-accounts/{id}/tracking-domain", senderId];
  const current = useQuery({
    queryKey: key,
    queryFn: () => data(client.GET("/api/sender-accounts/{id}/tracking-domain", path)),
  });
  const [domain, setDomain] = useState<string | null>(null);
  const value = domain ?? current.data?.domain ?? "";
  const save = useAction(
    (d: string | null) =>
      data(client.PUT("/api/sender-accounts/{id}/tracking-domain", { ...path, body: { domain: d } })),
    { inline: true, invalidate: [key], onSuccess: () => setDomain(null) },
  );
  const recheck = useAction(
    () => data(client.POST("/api/sender-accounts/{id}/tracking-domain/check", path)),
    {
      inline: true,
      invalidate: [key],
    },
  );
  const busy = save.isPending || recheck.isPending;
  const t = current.data;
  return (
    <div className="stack" role="group" aria-label="Custom tracking domain">
      <h5>Tracking domain</h5>
      <p className="small">
        Unsubscribe links, and open pixels and click links when a sequence tracks them, point to this host
        instead of the server's own address, so they carry your domain. Add a CNAME record from it to{" "}
        <code>{t?.target ?? "…"}</code>, then save.
      </p>
      {canEdit && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            recheck.reset();
            save.mutate(value.trim() || null);
          }}
        >
          <div style={{ width: "18rem" }}>
            <Field label="Tracking domain" hint="e.g. track.yourdomain.com">
              <input
                value={value}
                placeholder="track.yourdomain.com"
                onChange={(e) => setDomain(e.target.value)}
              />
            </Field>
          </div>
          <div>
            <button type="submit" disabled={busy}>
              {save.isPending ? "Checking…" : "Save and check"}
            </button>
          </div>
          {t?.domain && (
            <>
              <div>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    save.reset();
                    recheck.mutate();
                  }}
                >
                  {recheck.isPending ? "Checking…" : "Check again"}
                </button>
              </div>
              <div>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    recheck.reset();
                    save.mutate(null);
                  }}
                >
                  Remove
                </button>
              </div>
            </>
          )}
        </form>
      )}
      <ErrorNote error={save.error?.message ?? recheck.error?.message ?? current.error?.message ?? null} />
      {t && <TrackingStatus t={t} />}
    </div>
  );
}

function TrackingStatus({ t }: { t: Tracking }) {
  return (
    <p className="small wrap" role="status">
      {(t.status === "pass" || t.status === "fail") && (
        <span className={`badge ${BADGE[t.status]}`}>{t.status}</span>
      )}{" "}
      {t.status === "none" && "No tracking domain. "}
      {t.status === "not_checked" && `${t.domain} is not checked for this server's address yet. `}
      {t.message} Links in this sender's mail point to <code>{t.linkBase}</code>.
    </p>
  );
}
