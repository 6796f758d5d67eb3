import { useState } from "react";
import { ApiError, api } from "../../api";
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
  const [busy, setBusy] = useState(false);

  async function withdraw() {
    if (
      !(await ask({
        title: `Withdraw the invitation to ${p.leadName}?`,
        body: "LinkedIn won't allow a new invitation to this person for about 3 weeks.",
        confirm: "Withdraw invitation",
        danger: true,
      }))
    )
      return;
    setBusy(true);
    p.onResult(null);
    try {
      await api<{ withdrawn: boolean; invitationId: string }>(
        "POST",
        `/api/leads/${p.leadId}/linkedin/withdraw`,
      );
      p.onResult({
        ok: true,
        message: `LinkedIn invitation to ${p.leadName} withdrawn. LinkedIn won't allow a new one for about 3 weeks.`,
      });
    } catch (e) {
      p.onResult({
        ok: false,
        message: (e as Error).message,
        connectLinkedIn: e instanceof ApiError && e.code === "integration_missing",
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" disabled={busy} onClick={withdraw}>
      {busy ? "Withdrawing…" : "Withdraw LinkedIn invitation"}
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
