import { eq } from "drizzle-orm";
import { extractPageFacts } from "../../domain/audit";
import { hostOf } from "../../domain/identity/companyDomain";
import { plainFetchError } from "../../domain/net/plainFetchError";
import { type CompanyProfile, extractCompanyProfile, type SitePage } from "../../domain/enrichment";
import { leads } from "../../db/schema";
import { auditDomainOf } from "../audits/auditLead";
import type { Actor, AppContext } from "../context";
import { getLeadRow } from "../leads/leadDetail";
import { recordLeadEvents } from "../leads/leadEvents";
import { safeFetch } from "../net/safeFetch";
import { linkedinProfileProvider } from "../integrations/linkedin";
import { assertWithinLimit, recordUsage } from "../usage/usage";
import { type ProfileData, profileProviders } from "./profileProvider";

/** Pages beyond the homepage worth reading for signals: careers, blog/news, about. */
const SIGNAL_PAGE = /\/(careers?|jobs|join|blog|news|press|updates|about)(\/|$)/i;

/**
 * Reads a company's site with the SSRF guard: the homepage and up to three pages that usually carry
 * signals (careers, blog or news, about), one request at a time (a polite crawler never hits a
 * small company's server in parallel), and extracts what the site says about the company.
 */
export async function readCompanySite(ctx: AppContext, domain: string, now: Date): Promise<CompanyProfile> {
  const guard = { allowPrivate: ctx.config.fetchAllowPrivate, timeoutMs: 10_000, maxBytes: 2_000_000 };
  const url = /^https?:\/\//i.test(domain) ? domain : `http://${domain}`;
  const home = await safeFetch(url, guard);
  if (home.status >= 400) throw new Error(`the site answered HTTP ${home.status}`);
  const pages: SitePage[] = [{ url: home.url, html: home.body.toString("utf8") }];
  const links = extractPageFacts(pages[0]!.html, home.url).internalLinks.filter((l) =>
    SIGNAL_PAGE.test(new URL(l).pathname),
  );
  const picked = [
    ...new Map(links.map((l) => [new URL(l).pathname.split("/")[1]!.toLowerCase(), l])).values(),
  ].slice(0, 3);
  for (const l of picked) {
    const r = await safeFetch(l, { ...guard, maxBytes: 1_000_000 }).catch(() => null);
    if (r && r.status < 400) pages.push({ url: r.url, html: r.body.toString("utf8") });
  }
  return extractCompanyProfile(pages, now);
}

/**
 * One read per company domain for a whole bulk run: leads of the same company share the result (and
 * the failure) instead of fetching the same site again.
 */
export class SiteReader {
  private readonly sites = new Map<string, Promise<CompanyProfile>>();
  constructor(
    private readonly ctx: AppContext,
    private readonly workspaceId: string,
  ) {}
  /** Each site read is one metered enrichment look-up, refused once the monthly limit is reached. */
  read(domain: string, now: Date): Promise<CompanyProfile> {
    const key = hostOf(domain) ?? domain;
    let p = this.sites.get(key);
    if (!p) {
      p = (async () => {
        await assertWithinLimit(this.ctx, this.workspaceId, "enrichments");
        const profile = await readCompanySite(this.ctx, domain, now);
        await recordUsage(this.ctx, this.workspaceId, { kind: "enrichment" });
        return profile;
      })();
      this.sites.set(key, p);
    }
    return p;
  }
}

export type EnrichmentOutcome = {
  leadId: string;
  company: "enriched" | "failed" | "skipped";
  profile: "enriched" | "not_found" | "failed" | "skipped";
  error?: string;
  signals?: number;
};

/**
 * Enriches one lead: its company from the company's website (name, description, industry hints,
 * social links, signals such as hiring or a recent post) and, when a LinkedIn provider is connected,
 * its person profile. Only empty lead fields are filled; everything found is kept under
 * `enrichment`, with a status per source and a timeline event.
 */
export async function enrichLead(
  ctx: AppContext,
  actor: Actor,
  leadId: string,
  sites: SiteReader = new SiteReader(ctx, actor.workspaceId),
): Promise<EnrichmentOutcome> {
  const lead = await getLeadRow(ctx, actor, leadId);
  const now = ctx.clock.now();
  const out: EnrichmentOutcome = { leadId, company: "skipped", profile: "skipped" };
  const domain = auditDomainOf(lead);
  let company: CompanyProfile | null = null;
  if (domain)
    try {
      company = await sites.read(domain, now);
      out.company = "enriched";
      out.signals = company.signals.length;
    } catch (e) {
      out.company = "failed";
      out.error = plainFetchError((e as Error).message);
    }
  let profile: ProfileData | null = null;
  const provider = profileProviders()[0] ?? (await linkedinProfileProvider(ctx, actor.workspaceId));
  if (provider && lead.linkedinUrl)
    try {
      profile = await provider.fetchProfile(lead.linkedinUrl, actor.workspaceId);
      out.profile = profile ? "enriched" : "not_found";
    } catch (e) {
      out.profile = "failed";
      out.error = [out.error, (e as Error).message].filter(Boolean).join("; ");
    }
  const fill = <T>(current: T | null, found: T | null | undefined) => (current ?? found ?? null) as T | null;
  const enrichment = {
    ...lead.enrichment,
    ...(company
      ? {
          company: {
            name: company.name,
            description: company.description,
            industryHints: company.industryHints,
            socialLinks: company.socialLinks,
            emails: company.emails,
            phones: company.phones,
          },
          companySignals: company.signals,
        }
      : {}),
    ...(profile
      ? {
          headline: profile.headline ?? null,
          experience: profile.experience ?? [],
          skills: profile.skills ?? [],
          recentPosts: profile.recentPosts ?? [],
        }
      : {}),
    status: { company: out.company, profile: out.profile, at: now.toISOString(), error: out.error ?? null },
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(leads)
      .set({
        enrichment,
        company: fill(lead.company, company?.name ?? profile?.company),
        industry: fill(lead.industry, company?.industryHints[0]),
        headline: fill(lead.headline, profile?.headline),
        jobTitle: fill(lead.jobTitle, profile?.jobTitle),
        location: fill(lead.location, profile?.location),
        updatedAt: now,
      })
      .where(eq(leads.id, leadId));
    await recordLeadEvents(tx, actor, now, [
      {
        leadId,
        type: "enriched",
        data: {
          company: out.company,
          profile: out.profile,
          signals: company?.signals.map((s) => `${s.kind}: ${s.text}`) ?? [],
          error: out.error ?? null,
        },
      },
    ]);
  });
  return out;
}
