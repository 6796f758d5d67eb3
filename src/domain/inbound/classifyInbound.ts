export type InboundKind = "human_reply" | "auto_reply" | "bounce" | "own_copy";
export type Classified = { kind: InboundKind; pauseUntilMs?: number; reason: string };

type Input = {
  headers: Record<string, string | undefined>;
  from: string;
  subject: string;
  text: string;
  ourAddresses: string[];
  receivedAtMs: number;
};

const AUTO_SUBJECT =
  /\b(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|abwesenheitsnotiz|automatische antwort|absence du bureau|r[ée]ponse automatique|respuesta autom[aá]tica|fuera de la oficina|afwezigheidsbericht|automatisch antwoord|risposta automatica|fuori ufficio|resposta autom[aá]tica)\b/i;
const AUTO_BODY =
  /\b(i am|i'm|i will be) (currently )?(out of (the )?office|away|on (annual |parental )?leave|on vacation|on holiday)|\bnicht im b[üu]ro\b|\bich bin (bis|vom)\b.*\b(abwesend|nicht erreichbar)|\bje suis absente?\b|\bestoy fuera de la oficina\b/i;
const BOUNCE_FROM = /^(mailer-daemon|postmaster)@/i;
const BOUNCE_SUBJECT =
  /(undeliver|delivery status notification \((failure|delay)\)|mail delivery (failed|subsystem)|returned mail|delivery failure|non[- ]?delivery)/i;
const DEFAULT_PAUSE_DAYS = 7;

/** "back on 12 March", "until January 5th", "return on 2026-03-12": the first date after receipt, else null. */
export function extractReturnDate(text: string, receivedAtMs: number): number | null {
  const months = "january|february|march|april|may|june|july|august|september|october|november|december";
  const iso = text.match(/\b(20\d\d)-(\d\d)-(\d\d)\b/);
  const named = text.match(
    new RegExp(
      `\\b(?:until|till|back|return(?:ing)?)\\b[^.\\n]{0,40}?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${months})|\\b(?:until|till|back|return(?:ing)?)\\b[^.\\n]{0,40}?\\b(${months})\\s+(\\d{1,2})`,
      "i",
    ),
  );
  const received = new Date(receivedAtMs);
  let candidate: Date | null = null;
  if (iso) candidate = new Date(Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!));
  else if (named) {
    const day = Number(named[1] ?? named[4]);
    const month = months.split("|").indexOf((named[2] ?? named[3])!.toLowerCase());
    candidate = new Date(Date.UTC(received.getUTCFullYear(), month, day));
    if (candidate.getTime() < receivedAtMs - 86_400_000)
      candidate = new Date(Date.UTC(received.getUTCFullYear() + 1, month, day));
  }
  if (!candidate || Number.isNaN(candidate.getTime())) return null;
  // The pause ends the day after they are back; a date more than 60 days away is ignored as unlikely.
  const until = candidate.getTime() + 86_400_000;
  return until > receivedAtMs && until - receivedAtMs < 60 * 86_400_000 ? until : null;
}

/**
 * Headers decide first (they are written by software, not people); content second. Our own sent
 * copies (mailbox providers put them in the inbox) never count.
 */
export function classifyInbound(m: Input): Classified {
  const h = (name: string) => m.headers[name.toLowerCase()]?.trim().toLowerCase();
  const from = m.from.trim().toLowerCase();
  if (m.ourAddresses.map((a) => a.toLowerCase()).includes(from))
    return { kind: "own_copy", reason: "sent by our own account" };
  const ct = h("content-type") ?? "";
  if (ct.includes("multipart/report") || (BOUNCE_FROM.test(from) && BOUNCE_SUBJECT.test(m.subject)))
    return { kind: "bounce", reason: "delivery status notification" };
  const auto =
    (h("auto-submitted") && h("auto-submitted") !== "no" ? "Auto-Submitted header" : null) ??
    (h("x-autoreply") ? "X-Autoreply header" : null) ??
    (h("x-autorespond") ? "X-Autorespond header" : null) ??
    (["auto_reply", "auto-reply", "bulk", "junk"].includes(h("precedence") ?? "")
      ? "Precedence header"
      : null) ??
    (AUTO_SUBJECT.test(m.subject) ? "out-of-office subject" : null) ??
    (AUTO_BODY.test(m.text) ? "out-of-office wording" : null);
  if (auto) {
    const stated = extractReturnDate(m.text, m.receivedAtMs);
    return {
      kind: "auto_reply",
      reason: auto,
      pauseUntilMs: stated ?? m.receivedAtMs + DEFAULT_PAUSE_DAYS * 86_400_000,
    };
  }
  return { kind: "human_reply", reason: "written by a person" };
}
