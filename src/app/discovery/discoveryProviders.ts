import type { DiscoveryFilters } from "../../domain/discovery/discoveryFilters";
import { searchSandboxDirectory } from "../../domain/discovery/sandboxDirectory";
import type { LeadInput } from "../../domain/leadFields";
import { AppError } from "../../domain/appError";
import type { AppContext } from "../context";
import { linkedinAccountOf } from "../integrations/linkedinAccount";
import { unipileClient } from "../../providers/unipileClient";

export const discoveryProviderKeys = ["sandbox", "linkedin", "sales_navigator"] as const;
export type DiscoveryProviderKey = (typeof discoveryProviderKeys)[number];

/** One person a search found, as the lead fields it fills. */
export type FoundPerson = LeadInput & { linkedinUrl: string };
export type SearchPage = { people: FoundPerson[]; nextCursor: string | null; total: number | null };

export interface DiscoveryProvider {
  readonly key: DiscoveryProviderKey;
  /** A page of people matching the filters, from `cursor` (null = the first page). */
  search(filters: DiscoveryFilters, cursor: string | null, limit: number): Promise<SearchPage>;
}

/** The generated directory: offline, instant, and labelled as made-up people in every screen. */
export const sandboxProvider: DiscoveryProvider = {
  key: "sandbox",
  async search(filters, cursor, limit) {
    const offset = Number(cursor ?? 0) || 0;
    const r = searchSandboxDirectory(filters, { offset, limit });
    return {
      people: r.people.map((p) => ({
        firstName: p.firstName,
        lastName: p.lastName,
        jobTitle: p.jobTitle,
        headline: p.headline,
        company: p.company,
        companyDomain: p.companyDomain,
        industry: p.industry,
        companySize: String(p.companySize),
        seniority: p.seniority,
        location: p.location,
        linkedinUrl: p.linkedinUrl,
        ...(p.email ? { email: p.email } : {}),
        customFields: { discovery_source: "sandbox directory (generated people)" },
      })),
      nextCursor: offset + r.people.length < r.total ? String(offset + r.people.length) : null,
      total: r.total,
    };
  },
};

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

/** A Unipile search result as lead fields; results are read tolerantly (classic and Sales Navigator differ). */
export function personFromUnipile(item: Record<string, unknown>): FoundPerson | null {
  const slug = str(item.public_identifier);
  const url =
    str(item.public_profile_url) ??
    str(item.profile_url) ??
    (slug ? `https://www.linkedin.com/in/${slug}` : undefined);
  if (!url) return null;
  const name = str(item.name) ?? "";
  const position = ((item.current_positions as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
  return {
    firstName: str(item.first_name) ?? name.split(" ")[0],
    lastName: str(item.last_name) ?? (name.split(" ").slice(1).join(" ") || undefined),
    headline: str(item.headline),
    jobTitle: str(position.role) ?? str(item.headline)?.split(/ at | @ /i)[0],
    company: str(position.company),
    location: str(item.location),
    linkedinUrl: url,
  };
}

/**
 * LinkedIn people search through the workspace's Unipile account, classic or Sales Navigator.
 * LinkedIn filters on ids, not names: locations and industries are looked up first (one call per
 * name, cached for the search), and names it cannot resolve fall back to keywords.
 */
export async function unipileProvider(
  ctx: AppContext,
  workspaceId: string,
  api: "classic" | "sales_navigator",
): Promise<DiscoveryProvider> {
  const account = await linkedinAccountOf(ctx, workspaceId);
  if (!account)
    throw new AppError(
      "integration_missing",
      "LinkedIn search needs a connected LinkedIn account (Settings → Integrations); the sandbox directory works without one",
    );
  if (account.status === "paused")
    throw new AppError("not_ready", `the LinkedIn account is paused: ${account.pausedReason ?? ""}`);
  const client = unipileClient(ctx, account);
  const ids = new Map<string, string | null>();
  async function idOf(type: "LOCATION" | "INDUSTRY", name: string) {
    const k = `${type}:${name.toLowerCase()}`;
    if (!ids.has(k)) {
      const r = await client.searchParameters(type, name);
      ids.set(k, str(r.items?.[0]?.id) ?? null);
    }
    return ids.get(k)!;
  }
  return {
    key: api === "classic" ? "linkedin" : "sales_navigator",
    async search(f, cursor, limit) {
      const unresolved: string[] = [];
      const resolve = async (type: "LOCATION" | "INDUSTRY", names: string[]) => {
        const out: string[] = [];
        for (const n of names) {
          const id = await idOf(type, n);
          if (id) out.push(id);
          else unresolved.push(n);
        }
        return out;
      };
      const location = await resolve("LOCATION", f.locations);
      const industry = await resolve("INDUSTRY", f.industries);
      const keywords = [...f.titles, ...f.keywords, ...unresolved].join(" ").trim();
      const body: Record<string, unknown> =
        api === "classic"
          ? {
              api,
              category: "people",
              ...(keywords ? { keywords } : {}),
              ...(location.length ? { location } : {}),
              ...(industry.length ? { industry } : {}),
            }
          : {
              api,
              category: "people",
              ...(keywords ? { keywords } : {}),
              ...(location.length ? { location: { include: location } } : {}),
              ...(industry.length ? { industry: { include: industry } } : {}),
              ...(f.companySize.min !== null || f.companySize.max !== null
                ? { company_headcount: [{ min: f.companySize.min ?? 1, max: f.companySize.max ?? 100_000 }] }
                : {}),
            };
      const r = await client.search(body, cursor, limit);
      const paging = (r.paging ?? {}) as Record<string, unknown>;
      return {
        people: (r.items ?? []).map(personFromUnipile).filter((p): p is FoundPerson => !!p),
        nextCursor: str(r.cursor) ?? null,
        total: typeof paging.total_count === "number" ? paging.total_count : null,
      };
    },
  };
}

export async function discoveryProvider(
  ctx: AppContext,
  workspaceId: string,
  key: DiscoveryProviderKey,
): Promise<DiscoveryProvider> {
  if (key === "sandbox") return sandboxProvider;
  return unipileProvider(ctx, workspaceId, key === "linkedin" ? "classic" : "sales_navigator");
}
