import type { Classified } from "../../domain/inbound";
import type { BounceClass } from "../../domain/inbound/inboundEmail";
import type { InboundFacts } from "./inboundFacts";

// Interim: maps today's classifier onto InboundFacts until the classifier reports classes itself.
function classOf(status: string | null, action: string | null, hard: boolean): BounceClass {
  const a = (action ?? "").toLowerCase();
  if (a === "delivered" || a === "relayed" || a === "expanded") return "delivered";
  if (a === "delayed") return "delayed";
  if (!status) return hard ? "undetermined" : "temporary";
  if (status.startsWith("4.") || status === "5.2.2") return "temporary";
  if (status.startsWith("5.7.")) return "policy";
  if (/^5\.(1\.\d+|2\.1)$/.test(status)) return "permanent";
  return "undetermined";
}

export function classifiedFacts(c: Classified): InboundFacts {
  switch (c.kind) {
    case "own_copy":
    case "human_reply":
      return c;
    case "auto_reply":
      return {
        kind: "auto_reply",
        reason: c.reason,
        readReceipt: c.returnDateSource === "none",
        returnAtMs: c.returnDateSource === "stated" ? c.pauseUntilMs : null,
      };
    case "bounce": {
      const recipients = (c.report?.recipients ?? []).map((r) => {
        const cls = classOf(r.status, r.action, r.hard);
        return {
          address: r.finalRecipient,
          class: cls,
          status: r.status,
          diagnostic: r.diagnosticCode,
          remoteMta: r.remoteMta,
          phrase: r.diagnosticCode ?? "",
        };
      });
      return {
        kind: "bounce",
        reason: c.reason,
        report: {
          class: recipients[0]?.class ?? (c.hard ? "undetermined" : "temporary"),
          recipients,
          reportingMta: c.report?.reportingMta ?? null,
          originalMessageId: c.report?.originalMessageId ?? null,
        },
      };
    }
  }
}
