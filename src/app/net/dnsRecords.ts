import { Resolver } from "node:dns/promises";
import type { AppContext } from "../context";

/**
 * DNS look-ups for audits, email verification and sender domain checks, through the servers in DNS_SERVERS when set
 * (tests point it at a loopback DNS server), else the system's. A failed look-up is null, "no such
 * record" is an empty list: the audit says "could not check" for one and "missing" for the other.
 */
export function dnsRecords(ctx: Pick<AppContext, "config">) {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (ctx.config.dnsServers.length) resolver.setServers(ctx.config.dnsServers);
  const soft = async <T>(q: () => Promise<T[]>): Promise<T[] | null> => {
    try {
      return await q();
    } catch (e) {
      const code = (e as { code?: string }).code;
      return code === "ENODATA" || code === "ENOTFOUND" ? [] : null;
    }
  };
  return {
    txt: (name: string) => soft(async () => (await resolver.resolveTxt(name)).map((parts) => parts.join(""))),
    mx: (name: string) =>
      soft(async () =>
        (await resolver.resolveMx(name)).sort((a, b) => a.priority - b.priority).map((r) => r.exchange),
      ),
    a: (name: string) => soft(() => resolver.resolve4(name)),
    aaaa: (name: string) => soft(() => resolver.resolve6(name)),
    /** The name a CNAME points to (lower-case, no trailing dot); [] when the name has none. */
    cname: (name: string) =>
      soft(async () => (await resolver.resolveCname(name)).map((n) => n.toLowerCase().replace(/\.$/, ""))),
    /** The names an address maps back to (its PTR records under in-addr.arpa / ip6.arpa). */
    ptr: (ip: string) => soft(() => resolver.reverse(ip)),
  };
}
