import type { BounceClass } from "./inboundEmail";
import { normaliseForMatching } from "./matchText";

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const BASIC = /\b([45])\d\d\b/;

/**
 * The enhanced status code (RFC 3463): the Status field when specific, else one in the diagnostic
 * text ("550 5.1.1 ..."), else the class of a plain SMTP reply code (550 → 5.0.0).
 */
export function statusFrom(
  status: string | null | undefined,
  diagnostic: string | null | undefined,
): string | null {
  const own =
    ENHANCED.exec(status ?? "")
      ?.slice(1, 4)
      .join(".") ?? null;
  const inText =
    ENHANCED.exec(diagnostic ?? "")
      ?.slice(1, 4)
      .join(".") ?? null;
  // "Status: 5.0.0" with "550 5.1.1 user unknown" beside it: the detail is in the text.
  if (own && inText && own.endsWith(".0.0") && own[0] === inText[0]) return inText;
  if (own ?? inText) return own ?? inText;
  const basic = BASIC.exec(diagnostic ?? "");
  return basic ? `${basic[1]}.0.0` : null;
}

type Rule = { re: RegExp; phrase: string };

/**
 * Wordings of many MTAs (Postfix, Exim, Sendmail, qmail, Exchange/Office 365, Gmail, Yahoo, Notes,
 * Courier, OpenSMTPD, SES, ...) in the diagnostic or the bounce text. Temporary ones are checked
 * first: a full mailbox reported with a 5.x.x code must never invalidate the address.
 */
const TEMPORARY: Rule[] = [
  {
    re: /mailbox (is |was )?(full|over ?quota)|(over|exceeded|exceeds|exceed(ing)?) (the |his |her |their |its )?(storage |disk |mailbox |mail )?quota|quota (exceeded|exceed|full|violation)|over ?quota|mailbox (size|storage) (limit )?(exceeded|full)|(user|recipient|mailbox)('?s)? (mailbox |mail box )?is full|insufficient (system |disk )?(storage|space)|not enough (disk )?(storage|space)|mail ?box full|mailfolder is full|user has exceeded|exceeded storage allocation|storage (space )?(is )?full|quota exhausted|full mailbox|out of (disk )?space|メールボックスが一杯|box full/,
    phrase: "mailbox full",
  },
  {
    re: /retry (timeout|time ?limit) exceeded|(message|mail) (has been|was) in the queue too long|too long in (the )?queue|delivery (time|period) expired|message expired|expired after|giving up on it|not (been )?delivered for \d+ (days|hours)|could not be delivered within|queue (lifetime|time) expired|time ?limit exceeded|(maximum|max) (time|age) (in queue|exceeded)|undeliverable for (too long|\d+)|deferred (for too long|too many times)|has not been delivered to the recipient within/,
    phrase: "delivery timed out; the servers kept refusing for now",
  },
  {
    re: /too many (connections|concurrent|simultaneous|sessions|smtp sessions)|connection (limit|rate) (exceeded|reached)|too many (messages|mails|emails|recipients) (in|for|from|per|this)|rate ?limit|rate of (incoming|inbound)|throttl|frequency limit/,
    phrase: "the receiving server asked to try again later",
  },
  {
    re: /try (again )?later|try again\b|please retry|receiving mail at a rate|at a rate that|temporar(y|ily)|deferred|greylist|graylist|too much mail|exceeded (the )?(rate|sending|message) limit|sending (rate|limit)|too fast|slow down|resources temporarily/,
    phrase: "the receiving server asked to try again later",
  },
  {
    re: /system (is )?full|internal (system |server )?error|system error|local error|insufficient system resources|disk full|no space left|server (is )?busy|service (temporarily )?unavailable|(timed? ?out|time-?out|connection (refused|reset|timed out|closed|lost)|no route to host|network is unreachable|unable to connect|could not connect|lost connection|connection dropped|host is unreachable|can'?t connect)/,
    phrase: "the receiving server could not be reached for now",
  },
];

const POLICY: Rule[] = [
  {
    re: /\bspam\b|junk mail|bulk mail|unsolicited|\bubce?\b|content (filter|rejected)|message content|rejected (due to|because of|for) (content|policy|security)|phish|malicious|virus|malware|infected/,
    phrase: "refused as spam or for its content",
  },
  {
    re: /block ?list|black ?list|blocklisted|blacklisted|(?<!not )\blisted (at|on|in|by)\b|spamhaus|spamcop|barracuda|\brbl\b|\bdnsbl\b|reputation|sender score|senderbase|\bblocked\b|\bblock(ed)? (by|due|for)|poor reputation|banned|denied by policy|access denied|not allowed to send|(ip|sender|domain|client host) (address )?(is )?(rejected|blocked|refused|banned)/,
    phrase: "refused: the sending server or domain is blocked",
  },
  {
    re: /\bspf\b|\bdkim\b|\bdmarc\b|authentication (required|failed|failure)|not authenticated|unauthenticated|sender (address )?verif|sender (address )?(rejected|refused|denied|unknown)|reverse (dns|lookup)|\bptr\b|rdns|no (dns|mx) (record )?for (the )?sender|helo|ehlo|require.*(tls|encryption)|tls required|must use tls|starttls/,
    phrase: "refused: the sender could not be authenticated",
  },
  {
    re: /relay(ing)? (access )?(denied|not permitted|not allowed|prohibited)|not permitted to relay|unable to relay|we do not relay|relay not permitted|no relaying|not a gateway|cannot relay/,
    phrase: "refused: relaying denied",
  },
];

/** Refusals worded less specifically; a recipient-unknown wording beats them. */
const WEAK_POLICY: Rule[] = [
  {
    re: /message (size|is too large|too large|too big|length) |(size|length) exceeds|exceeds (the )?(maximum|size|message size)|message too big|too large|mail size limit|policy|not compliant|rfc ?\d{3,4}|prohibited|forbidden|refused|not accepted|rejected by recipient|(recipient|user) (has )?(rejected|refused)|denied|filtered|filter/,
    phrase: "refused by the receiving server's policy",
  },
];

const PERMANENT: Rule[] = [
  {
    re: /(user|mailbox|account|recipient|address|addressee)( address)? (is )?(unknown|not found|does not exist|doesn'?t exist|not exist|invalid|unavailable|not available|not valid|no longer (exists|valid|active|available))|(unknown|invalid|no such|non-?existent|bad|illegal) (local |e-?mail )?(user|mailbox|recipient|address|account|addressee|alias|person)|no (such )?mailbox|no mailbox here|mailbox (unavailable|not available|does not exist|not found|name not allowed)|(does not|doesn'?t) have an? ([a-z0-9.-]+ )?(account|mailbox)|not a (valid|known) (user|mailbox|recipient)|recipient (address )?rejected|(address|recipient) (not listed|rejected|not recogni[sz]ed)|(name|recipient name) is not recogni[sz]ed|no account by that name|couldn'?t be found|could not be found|wasn'?t found|was not found|not listed in (the )?(domino directory|public (names|address) book|directory)|unrouteable address|unknown or illegal alias|undeliverable address|user doesn'?t have|is not a valid|no valid recipients|unknown (local[- ]part|recipient)|user not (found|known|listed|local)|mailbox is inactive|account (has been )?(disabled|deactivated|suspended|closed|terminated|expired|locked|removed|deleted|inactive)|(mailbox|user|address) (has been )?(disabled|deactivated|suspended|closed|removed|deleted|inactive|discontinued)|inactive (user|account|mailbox)|no longer (with|at|employed)|has (left|moved)|moved permanently|address (has )?changed/,
    phrase: "the address does not exist",
  },
  {
    re: /host (or domain name )?(not found|unknown)|unknown host|domain (name )?(not found|does not exist|unknown|is invalid|has no mx|not exist)|no (such )?(domain|host)|name service error|host not found|unroutable domain|nxdomain|no mx (record|host)|null mx|does not accept (e-?)?mail|(domain|host) (does not|doesn'?t) (accept|receive) mail|unknown domain|invalid domain|bad destination (mailbox|system)|dns (error|lookup failed)|mx (lookup|record) (failed|not found)/,
    phrase: "the domain does not receive mail",
  },
];

const first = (rules: Rule[], text: string) => rules.find((r) => r.re.test(text));

export type ClassOfFailure = { class: BounceClass; phrase: string };

/**
 * The class of one failed (or reported) recipient. Action first (delivered/relayed/expanded and
 * delayed say it outright), then the RFC 3463 status, then the diagnostic wording. Two safety
 * rules keep addresses from being burned by wording the code disagrees with: a 4.x.x status is
 * never permanent, and temporary wording (mailbox full, expired, too many connections, ...) wins
 * over any 5.x.x code — many servers send "550 5.1.1 mailbox full".
 */
export function classOfFailure(
  action: string | null,
  status: string | null,
  diagnostic: string | null,
  /** The report's human-readable words about this recipient (or all of them). */
  context: string | null = null,
): ClassOfFailure {
  const a = (action ?? "").toLowerCase();
  if (a === "delivered" || a === "relayed" || a === "expanded")
    return { class: "delivered", phrase: "delivered" };
  if (a === "delayed") return { class: "delayed", phrase: "delivery delayed; the server keeps trying" };
  // Without a diagnostic the report's words are all there is; with one, they still count for
  // temporary wording ("Not enough disk space" above a "550 5.1.1 User unknown"): the safe reading.
  const words = normaliseForMatching((context ?? "").slice(0, 4000));
  const text = diagnostic ? normaliseForMatching(diagnostic.slice(0, 4000)) : words;
  // From the wider words only the unmistakable ones (full mailbox, expiry): "try again" is
  // boilerplate in many reports.
  const temporary = first(TEMPORARY, text) ?? (diagnostic ? first(TEMPORARY.slice(0, 2), words) : undefined);
  const policy = first(POLICY, text) ?? (first(PERMANENT, text) ? undefined : first(WEAK_POLICY, text));
  const permanent = first(PERMANENT, text);
  const s = status ?? "";
  if (s.startsWith("4.") || s.startsWith("2."))
    return { class: "temporary", phrase: temporary?.phrase ?? "temporary failure" };
  // A full mailbox, an expired queue or a rate limit is unmistakable ("frequency limited ... Blocked
  // IP" is a rate limit); the rest of the temporary wording ("service unavailable", "try again
  // later") also appears in permanent refusals of a blocked sender, so a blocklist named beats it.
  if (temporary && TEMPORARY.indexOf(temporary) < 3) return { class: "temporary", phrase: temporary.phrase };
  // "550 5.1.1 ... IP address blacklisted", "553 5.1.3 ... spamhaus", Postfix's "554 5.7.1 Service
  // unavailable; Client host [...] blocked using zen.spamhaus.org": the server refuses the sender,
  // whatever code it files that under; not evidence that the address is bad.
  const strong = first(POLICY, text);
  if (strong) return { class: "policy", phrase: strong.phrase };
  if (temporary) return { class: "temporary", phrase: temporary.phrase };
  const [, subject, detail] = s.split(".");
  switch (subject) {
    case "1":
      // 5.1.7/5.1.8: the *sender's* address was refused, which says nothing about the recipient.
      if (detail === "7" || detail === "8")
        return { class: "policy", phrase: "the sender's address was refused" };
      if (detail !== "0" || permanent)
        return {
          class: "permanent",
          phrase:
            detail === "2" || detail === "10"
              ? "the domain does not receive mail"
              : detail === "6"
                ? "the address has moved"
                : (permanent?.phrase ?? "the address does not exist"),
        };
      break;
    case "2":
      if (detail === "1" || detail === "0")
        if (detail === "1" || permanent)
          return { class: "permanent", phrase: permanent?.phrase ?? "the mailbox is disabled" };
      if (detail === "2" || detail === "3") return { class: "temporary", phrase: "mailbox full" };
      break;
    case "3":
      if (detail === "1" || detail === "2")
        return { class: "temporary", phrase: "the receiving system is full or not accepting mail" };
      if (detail === "4") return { class: "policy", phrase: "the message is too large" };
      break;
    case "4":
      // Routing and network trouble (5.4.4 "unable to route" included) passes; never burn on it.
      return { class: "temporary", phrase: "the receiving server could not be reached for now" };
    case "6":
      return { class: "policy", phrase: policy?.phrase ?? "the message content was refused" };
    case "7":
      return { class: "policy", phrase: policy?.phrase ?? "refused by the receiving server's policy" };
  }
  if (permanent) return { class: "permanent", phrase: permanent.phrase };
  if (policy) return { class: "policy", phrase: policy.phrase };
  return { class: "undetermined", phrase: "delivery failed for a reason the report does not make clear" };
}
