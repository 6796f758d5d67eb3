import type { SenderDomainCheck } from "../deliverability/senderDomainTypes";
import type { ReadinessFinding } from "./readinessTypes";

export type SenderDomainReadinessInput = {
  sender: { name: string; kind: "sandbox" | "smtp"; domain: string };
  /** The sender's last domain check, null when it was never checked. */
  check: {
    domain: string;
    results: SenderDomainCheck[];
    override: { by: string; at: Date } | null;
  } | null;
};

const LABEL: Record<SenderDomainCheck["check"], string> = {
  mx: "MX",
  spf: "SPF",
  dkim: "DKIM",
  dmarc: "DMARC",
  ptr: "Reverse DNS",
};

/**
 * What the sender's domain check means for launch: a failing check holds it (receivers would junk or
 * reject the mail) until the record is fixed and checked again, or a person overrides it; warnings
 * and a sender never checked are shown, not blocking, so existing senders keep working. The
 * sandbox sends nothing outside and has no domain to check.
 */
export function senderDomainReadiness({ sender, check }: SenderDomainReadinessInput): ReadinessFinding[] {
  if (sender.kind === "sandbox") return [];
  if (!check || check.domain !== sender.domain)
    return [
      {
        code: "sender_domain_not_checked",
        severity: "warning",
        message: `The domain ${sender.domain} of sender "${sender.name}" has not been checked: check it in Settings → Senders so SPF, DKIM and DMARC problems show before launch.`,
      },
    ];
  return check.results.flatMap((r): ReadinessFinding[] => {
    const what = `${LABEL[r.check]} of ${sender.domain} (sender "${sender.name}")`;
    if (r.result === "fail" && !check.override)
      return [
        {
          code: "sender_domain_failed",
          severity: "blocking",
          message: `${what} failed: ${r.message} Then check the domain again in Settings → Senders, or an admin can choose "Launch anyway" there.`,
        },
      ];
    if (r.result === "fail")
      return [
        {
          code: "sender_domain_overridden",
          severity: "warning",
          message: `${what} failed, and ${check.override!.by} chose to launch anyway: ${r.message}`,
        },
      ];
    if (r.result === "warn")
      return [{ code: "sender_domain_warning", severity: "warning", message: `${what}: ${r.message}` }];
    return [];
  });
}

/**
 * A tracking domain that was entered but does not pass is a warning, not a hold: the mail still goes
 * out, with its links on PUBLIC_URL instead of the sender's own domain.
 */
export function trackingDomainReadiness(t: {
  senderName: string;
  domain: string | null;
  inUse: boolean;
  message: string | null;
}): ReadinessFinding[] {
  if (!t.domain || t.inUse) return [];
  return [
    {
      code: "tracking_domain_not_in_use",
      severity: "warning",
      message: `The tracking domain ${t.domain} of sender "${t.senderName}" is not in use, so its links point to the server's own address: ${t.message ?? "it has not been checked for this server's address."} Check it again in Settings → Senders once the record is fixed.`,
    },
  ];
}
