import { isIP } from "node:net";
import { eq } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { isPrivateAddress } from "../../domain/net/isPrivateAddress";
import {
  checkSyntax,
  classifyVerification,
  DomainPacer,
  emailCandidates,
  type ProbeEvidence,
  randomProbeLocal,
  type VerificationResult,
} from "../../domain/verification";
import { isUniqueViolation } from "../../db/errors";
import { leads } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { assertWithinLimit, recordUsage } from "../usage/usage";
import { getLeadRow } from "../leads/leadDetail";
import { recordLeadEvents } from "../leads/leadEvents";
import { dnsRecords } from "../net/dnsRecords";
import { smtpProbe } from "./smtpProbe";

// One pacer per process: politeness towards each mail domain across every job and request.
const pacers = new Map<number, DomainPacer>();
const pacerFor = (ms: number) => {
  let p = pacers.get(ms);
  if (!p) pacers.set(ms, (p = new DomainPacer({ perDomainIntervalMs: ms })));
  return p;
};

export type Verification = VerificationResult & { email: string; evidence: ProbeEvidence };

/**
 * Checks one address for real: syntax, the domain's MX (or A) records through the configured
 * resolver, then an SMTP conversation with the best MX that stops before DATA — once for the address
 * and once for a random one at the same domain, which tells a catch-all server apart. Mail servers
 * on private addresses are refused unless allowlisted (FETCH_ALLOW_PRIVATE), like any server-side fetch.
 */
export async function verifyAddress(ctx: AppContext, email: string): Promise<Verification> {
  const syntax = checkSyntax(email);
  if (!syntax.ok) return { email, ...classifyVerification(email, { mx: null }), evidence: { mx: null } };
  const domain = syntax.domain;
  const dns = dnsRecords(ctx);
  const mx = await dns.mx(domain);
  const evidence: ProbeEvidence = { mx };
  let host: string | null = mx?.[0] ?? null;
  if (mx && !mx.length) {
    const a = await dns.a(domain);
    evidence.aFallback = !!a?.length;
    host = a?.length ? domain : null;
  }
  if (host) {
    const ip = isIP(host) ? host : (await dns.a(host))?.[0];
    // The same allowlist as SMTP/IMAP: an internal relay a self-hoster names in MAIL_HOST_ALLOWLIST.
    const allowed = ctx.config.mailHostAllowlist;
    if (!ip) evidence.connectError = `${host} has no address`;
    else if (isPrivateAddress(ip) && !allowed.includes(ip) && !allowed.includes(host))
      evidence.connectError = `${host} is on a private address (${ip}); not probed`;
    else {
      const wait = pacerFor(ctx.config.verify.domainIntervalMs).nextSlot(domain, Date.now()) - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      try {
        const [rcpt, randomRcpt] = await smtpProbe({
          host: ip,
          port: ctx.config.verify.smtpPort,
          heloName: ctx.config.verify.heloName,
          mailFrom: ctx.config.verify.mailFrom,
          rcpts: [email, `${randomProbeLocal(email)}@${domain}`],
          timeoutMs: 10_000,
        });
        evidence.rcpt = rcpt ?? null;
        evidence.randomRcpt = randomRcpt ?? null;
      } catch (e) {
        evidence.connectError = (e as Error).message;
      }
    }
  }
  return { email, ...classifyVerification(email, evidence), evidence };
}

/**
 * Verifies a lead's email and records the verdict (the lead's email status, the evidence kept in its
 * enrichment data, a timeline event). A lead without an email but with a name and a company domain
 * gets its address found: candidates from common patterns, probed in order, the first valid one kept
 * (on a catch-all domain nothing can be confirmed, so the most common pattern is kept as catch_all).
 */
export async function verifyLeadEmail(ctx: AppContext, actor: Actor, leadId: string) {
  const lead = await getLeadRow(ctx, actor, leadId);
  await assertWithinLimit(ctx, actor.workspaceId, "verifications");
  let result: Verification | null = null;
  let found = false;
  let probes = 0;
  // Every address checked is one metered verification.
  const check = (email: string) => {
    probes++;
    return verifyAddress(ctx, email);
  };
  if (lead.email) result = await check(lead.email);
  else {
    const domain = lead.companyDomain;
    if (!domain || !(lead.firstName || lead.lastName))
      throw new AppError(
        "validation",
        "the lead has no email, and no name and company domain to find one from",
      );
    for (const candidate of emailCandidates(lead.firstName, lead.lastName, domain).slice(0, 8)) {
      const r = await check(candidate);
      if (r.status === "valid" || r.status === "catch_all") {
        result = r;
        found = true;
        break;
      }
      // A dead domain or an unreachable server answers the same for every candidate.
      if (r.evidence.connectError || !r.evidence.mx?.length) {
        result = r;
        break;
      }
      result ??= r;
    }
    if (!result) throw new AppError("validation", "no address pattern could be built from this name");
  }
  await recordUsage(ctx, actor.workspaceId, { kind: "verification", quantity: probes });
  const now = ctx.clock.now();
  await ctx.db
    .transaction(async (tx) => {
      await tx
        .update(leads)
        .set({
          ...(found ? { email: result.email } : {}),
          emailStatus: lead.email || found ? result.status : lead.emailStatus,
          enrichment: {
            ...lead.enrichment,
            verification: { ...result, found, checkedAt: now.toISOString() },
          },
          updatedAt: now,
        })
        .where(eq(leads.id, lead.id));
      await recordLeadEvents(tx, actor, now, [
        {
          leadId: lead.id,
          type: found ? "email_found" : "email_verified",
          data: { email: result.email, status: result.status, reasons: result.reasons },
        },
      ]);
    })
    .catch((e) => {
      if (isUniqueViolation(e)) throw new AppError("conflict", `another lead already has ${result.email}`);
      throw e;
    });
  return {
    leadId: lead.id,
    email: lead.email || found ? result.email : null,
    found,
    status: result.status,
    reasons: result.reasons,
  };
}
