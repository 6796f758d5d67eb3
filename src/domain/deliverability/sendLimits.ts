import { isFreeMailDomain } from "../identity/isFreeMailDomain";

/** A workspace's guards on volume, over the rolling last 24 hours (0 = no limit). */
export type SendLimits = { perDomainDaily: number; workspaceDaily: number };

/** Emails already counted in the last 24 h, updated as a batch claims more (keys: `ws domain`, `ws`). */
export type LimitCounts = { toDomain: Map<string, number>; byWorkspace: Map<string, number> };

/**
 * The recipient domain a per-domain limit counts: the address's domain, lower-case; none for free
 * mail (gmail.com is millions of different people, not one company's server seeing a burst).
 */
export function limitedDomainOf(email: string | null): string | null {
  const domain = email?.split("@").pop()?.trim().toLowerCase();
  if (!domain || !email!.includes("@") || isFreeMailDomain(domain)) return null;
  return domain;
}

/**
 * Why an email to `email` may not be claimed now, or null when it may. Pure: the caller counts the
 * send with `countSend` once it is really claimed (a sender gap may still defer it).
 */
export function sendLimitReason(
  limits: SendLimits,
  counts: LimitCounts,
  workspaceId: string,
  email: string | null,
): string | null {
  if (limits.workspaceDaily > 0 && (counts.byWorkspace.get(workspaceId) ?? 0) >= limits.workspaceDaily)
    return `the workspace's limit of ${limits.workspaceDaily} emails a day is reached; the step waits for tomorrow's window`;
  const domain = limitedDomainOf(email);
  if (domain && limits.perDomainDaily > 0) {
    const n = counts.toDomain.get(`${workspaceId} ${domain}`) ?? 0;
    if (n >= limits.perDomainDaily)
      return `${n} emails went to ${domain} in the last 24 hours, the per-domain limit; the step waits for the next window`;
  }
  return null;
}

export function countSend(counts: LimitCounts, workspaceId: string, email: string | null) {
  counts.byWorkspace.set(workspaceId, (counts.byWorkspace.get(workspaceId) ?? 0) + 1);
  const domain = limitedDomainOf(email);
  if (domain) {
    const k = `${workspaceId} ${domain}`;
    counts.toDomain.set(k, (counts.toDomain.get(k) ?? 0) + 1);
  }
}
