import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isPrivateAddress } from "../../domain/net/isPrivateAddress";

export class BlockedMailHostError extends Error {}

/** Resolves a mail host to the address to connect to, refusing the inside of our network. */
export type MailHostGuard = (host: string) => Promise<string>;

/**
 * SMTP, IMAP and verification connections go through the same address check as server-side
 * fetches: the host is resolved here, every address it has is checked (loopback, private,
 * link-local, ...), and the connection is then made to the checked address, so a DNS answer that
 * changes between the check and the connect cannot slip through. Hosts or addresses on
 * MAIL_HOST_ALLOWLIST (an internal relay) are let through.
 */
export function mailHostGuard(allowlist: readonly string[]): MailHostGuard {
  const allowed = (h: string) => allowlist.includes(h.toLowerCase());
  return async (rawHost) => {
    const host = rawHost.trim().replace(/^\[|\]$/g, "");
    if (allowed(host)) return host;
    if (isIP(host)) {
      if (isPrivateAddress(host))
        throw new BlockedMailHostError(
          `${host} is a private, loopback or link-local address (allow it with MAIL_HOST_ALLOWLIST)`,
        );
      return host;
    }
    const addresses = await lookup(host, { all: true, verbatim: true });
    if (!addresses.length) throw new BlockedMailHostError(`${host} has no address`);
    const bad = addresses.find((a) => isPrivateAddress(a.address) && !allowed(a.address));
    if (bad)
      throw new BlockedMailHostError(
        `${host} resolves to ${bad.address}, a private, loopback or link-local address (allow it with MAIL_HOST_ALLOWLIST)`,
      );
    return addresses[0]!.address;
  };
}
