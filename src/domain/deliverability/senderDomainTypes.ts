/** The checks on a sender's domain, in the order they are shown. */
export const SENDER_DOMAIN_CHECKS = ["mx", "spf", "dkim", "dmarc", "ptr"] as const;
export type SenderDomainCheckName = (typeof SENDER_DOMAIN_CHECKS)[number];

/** pass: nothing to do; warn: works, but weakens delivery; fail: receivers are likely to reject or junk the mail. */
export type CheckResult = "pass" | "warn" | "fail";

export type SenderDomainCheck = {
  check: SenderDomainCheckName;
  result: CheckResult;
  /** One plain sentence: what is wrong and what to change (or, on a pass, what was found). */
  message: string;
  /** The records the result is based on, as found. */
  evidence?: string;
};

export type DnsRecordType = "txt" | "a" | "aaaa" | "cname" | "mx" | "ptr";

/**
 * One DNS question, answered by whoever runs the checks (the app through the configured resolver,
 * a test from a table). null: the look-up failed; []: no such record. PTR takes the address itself.
 * MX answers are host names, best priority first.
 */
export type DnsLookup = (type: DnsRecordType, name: string) => Promise<string[] | null>;

export type SenderDomainInput = {
  fromEmail: string;
  /** The SMTP server mail leaves through (a name or an address); null when unknown. */
  smtpHost: string | null;
  /** The DKIM selector entered on the sender; without one, the common selectors are tried. */
  dkimSelector: string | null;
};
