import { checkSyntax } from "./checkSyntax";
import { interpretReply } from "./interpretReply";
import { isDisposableDomain } from "./isDisposableDomain";
import { isFreeMailDomain } from "../identity/isFreeMailDomain";
import { isRoleAccount } from "./isRoleAccount";
import { REASONS, unexpectedReplyReason, unreachableReason } from "./verificationReasons";
import type { ProbeEvidence, ProbeReply, VerificationResult } from "./verificationTypes";

/**
 * The verdict for one address from what the app layer saw on the network. Pure: the same
 * evidence always gives the same answer, so stored evidence can be re-classified later.
 */
export function classifyVerification(email: string, evidence: ProbeEvidence): VerificationResult {
  const syntax = checkSyntax(email);
  if (!syntax.ok) return { status: "invalid", reasons: [syntax.reason] };

  // The free-mail list also holds throwaway services; those get the disposable verdict below instead.
  const freeMail = isFreeMailDomain(syntax.domain) && !isDisposableDomain(syntax.domain);
  const verdict = fromProbe(evidence, freeMail);
  let { status } = verdict;
  const reasons = [...verdict.reasons];

  // A throwaway inbox is never a prospect worth a sequence, whatever the server says, but a
  // definite "does not exist" is still the more useful answer.
  if (isDisposableDomain(syntax.domain)) {
    if (status === "invalid") reasons.push(REASONS.disposable);
    else {
      status = "risky";
      reasons.unshift(REASONS.disposable);
    }
  }
  // On a free-mail domain "info@gmail.com" is somebody's personal address, not a role.
  if (!freeMail && status !== "invalid" && isRoleAccount(syntax.local)) {
    if (status === "valid") {
      status = "risky";
      reasons.unshift(REASONS.role);
    } else reasons.push(REASONS.role);
  }
  return { status, reasons };
}

function fromProbe(e: ProbeEvidence, freeMail: boolean): VerificationResult {
  const verdict = (status: VerificationResult["status"], ...reasons: string[]): VerificationResult => ({
    status,
    reasons,
  });
  if (e.mx === null) return verdict("unknown", REASONS.dnsFailed);
  if (e.mx.length === 0 && !e.aFallback) return verdict("invalid", REASONS.noMailServer);
  if (e.connectError) return verdict("unknown", unreachableReason(e.connectError));
  if (!e.rcpt) return verdict("unknown", REASONS.notProbed);

  const rcpt = interpretReply(e.rcpt);
  switch (rcpt.kind) {
    case "accepted":
      return afterAcceptance(e.randomRcpt ?? null, freeMail);
    case "no_mailbox":
      return verdict("invalid", REASONS.noMailbox);
    case "mailbox_full":
      return verdict("risky", REASONS.mailboxFull);
    case "temporary":
      return verdict("unknown", REASONS.greylisted);
    case "policy":
      return verdict("unknown", REASONS.policyBlock);
    case "rejected":
      return verdict("unknown", unexpectedReplyReason(e.rcpt.code));
  }
}

/** The address was accepted: whether that means anything depends on what a made-up address got. */
function afterAcceptance(random: ProbeReply | null, freeMail: boolean): VerificationResult {
  // Big consumer providers are not catch-all even when they accept everything at RCPT time
  // and bounce later, so their acceptance is the best answer a probe can give.
  if (freeMail) return { status: "valid", reasons: [REASONS.accepted, REASONS.freeMail] };
  if (!random) return { status: "risky", reasons: [REASONS.accepted, REASONS.catchAllNotTested] };
  switch (interpretReply(random).kind) {
    case "no_mailbox":
      return { status: "valid", reasons: [REASONS.accepted] };
    case "accepted":
      return { status: "catch_all", reasons: [REASONS.catchAll] };
    // Greylisting the second RCPT: a retry will settle whether the domain is catch-all.
    case "temporary":
      return { status: "unknown", reasons: [REASONS.greylisted] };
    default:
      return { status: "risky", reasons: [REASONS.accepted, REASONS.catchAllInconclusive] };
  }
}
