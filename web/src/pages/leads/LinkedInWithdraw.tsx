import { ApiError, client, data } from "../../api/client";
import { useAction } from "../../api/useAction";
import { Link } from "../../components/Link";
import { ask } from "../../components/confirm";

export type WithdrawOutcome = { ok: boolean; message: string; connectLinkedIn?: boolean };

/**
 * Withdraws the pending LinkedIn invitation to the lead, after a confirmation: LinkedIn then refuses
 * a new invitation to the person for about 3 weeks. The outcome goes to onResult (the lead page shows
 * it under its header with WithdrawResult and, on success, reloads the lead and its timeline).
 */
export function LinkedInWithdraw(p: {
  leadId: string;
  leadName: string;
  onResult: (r: WithdrawOutcome | null) => void;
}) {
  const withdraw = useAction(
    () => data(client.POST("/api/leads/{id}/linkedin/withdraw", { params: { path: { id: p.leadId } } })),
    {
      inline: true,
      onSuccess: () =>
        p.onResult({
          ok: true,
          message: `LinkedIn invitation to ${p.leadName} withdrawn. LinkedIn won't allow a new one for about 3 weeks.`,
        }),
    },
  );

  async function confirmWithdraw() {
    if (
      !(await ask({
        title: `Withdraw the invitation to ${p.leadName}?`,
        body: "LinkedIn won't allow a new invitation to this person for about 3 weeks.",
        confirm: "Withdraw invitation",
        danger: true,
      }))
    )
      return;
    p.onResult(null);
    withdraw.mutate(undefined, {
      onError: (e) =>
        p.onResult({
          ok: false,
          message: e.message,
          connectLinkedIn: e instanceof ApiError && e.code === "integration_missing",
        }),
    });
  }

  return (
    <button type="button" disabled={withdraw.isPending} onClick={confirmWithdraw}>
      {withdraw.isPending ? "Withdrawing…" : "Withdraw LinkedIn invitation"}
    </button>
  );
}

export function WithdrawResult({ result }: { result: WithdrawOutcome | null }) {
  if (!result) return null;
  return result.ok ? (
    <p className="ok" role="status">
      {result.message}
    </p>
  ) : (
    <p className="error" role="alert">
      Withdrawing the LinkedIn invitation failed: {result.message}
      {result.connectLinkedIn && (
        <>
          {" "}
          <Link to="/settings">Open Settings</Link>
        </>
      )}
    </p>
  );
}
