// How well inbound email is classified, measured on a corpus of real bounces (sisimai's
// set-of-emails). Every message goes through readInboundEmail, the path mail read from a sender's
// IMAP inbox takes, and is compared with Sisimai's own reading of it (expected.jsonl, made by
// bench/support/sisimai/expected.pl). Mapping of Sisimai reasons to our classes: bench/RESULTS.md.
// Run: npm run bench bench/bounceCorpus.ts <dir of .eml> <expected.jsonl> [--list]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readInboundEmail } from "../src/app/inbound/readInboundEmail";
import type { BounceClass } from "../src/domain/inbound/inboundEmail";

type Expected = { file: string; results: { reason: string; recipient: string; status: string }[] };
type Want = BounceClass | "auto_reply";

/** Sisimai's reason → our class (documented in bench/RESULTS.md). */
const REASON: Record<string, Want> = {
  userunknown: "permanent",
  hostunknown: "permanent",
  hasmoved: "permanent",
  notaccept: "permanent",
  // 5.2.1 "mailbox disabled": the address no longer takes mail.
  suspend: "permanent",
  mailboxfull: "temporary",
  expired: "temporary",
  toomanyconn: "temporary",
  systemfull: "temporary",
  systemerror: "temporary",
  networkerror: "temporary",
  ratelimited: "temporary",
  speeding: "temporary",
  exceedlimit: "temporary",
  blocked: "policy",
  rejected: "policy",
  filtered: "policy",
  policyviolation: "policy",
  spamdetected: "policy",
  securityerror: "policy",
  authfailure: "policy",
  requireptr: "policy",
  badreputation: "policy",
  notcompliantrfc: "policy",
  contenterror: "policy",
  mesgtoobig: "policy",
  norelaying: "policy",
  virusdetected: "policy",
  feedback: "complaint",
  delivered: "delivered",
  vacation: "auto_reply",
  mailererror: "undetermined",
  syntaxerror: "undetermined",
  onhold: "undetermined",
  undefined: "undetermined",
};

const [dir, expectedPath] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const list = process.argv.includes("--list");
if (!dir || !expectedPath) {
  console.error("usage: bench/bounceCorpus.ts <dir of .eml> <expected.jsonl> [--list]");
  process.exit(2);
}
const expected = new Map<string, Expected>();
for (const line of readFileSync(expectedPath, "utf8").split("\n").filter(Boolean)) {
  const e = JSON.parse(line) as Expected;
  expected.set(e.file, e);
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "n/a");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".eml") && expected.has(f))
  .sort();
const nowMs = Date.parse("2026-12-03T12:00:00Z");
const c = {
  reports: 0,
  recognised: 0,
  failures: 0,
  recipientOk: 0,
  complaints: 0,
  complaintOk: 0,
  temporary: 0,
  temporaryAsPermanent: 0,
  policy: 0,
  policyAsPermanent: 0,
  asHuman: 0,
  asAutoReply: 0,
  vacations: 0,
  vacationOk: 0,
  recipients: 0,
  classOk: 0,
  unreadByExpected: 0,
  notBounces: 0,
  notBounceAsReport: 0,
};
const confusion = new Map<string, number>();
const problems: string[] = [];
const t0 = performance.now();

for (const file of files) {
  const exp = expected.get(file)!;
  const got = await readInboundEmail(readFileSync(join(dir, file)), {
    ourAddresses: [],
    receivedAtMs: nowMs,
  });
  const facts = got.facts;
  const report = facts.kind === "bounce" || facts.kind === "complaint" ? facts.report : null;
  const wants = exp.results.map((r) => ({ ...r, want: REASON[r.reason] ?? "undetermined" }));
  if (!wants.length) {
    // Sisimai reads nothing here: counted as not-a-bounce only in the corpus's "not" folder.
    if (file.startsWith("is-not-bounce")) {
      c.notBounces++;
      if (report) {
        c.notBounceAsReport++;
        problems.push(`${file}: not a bounce, read as ${facts.kind}`);
      }
    } else c.unreadByExpected++;
    continue;
  }
  if (wants.every((w) => w.want === "auto_reply")) {
    c.vacations++;
    if (facts.kind === "auto_reply") c.vacationOk++;
    else problems.push(`${file}: auto-reply read as ${facts.kind}`);
    continue;
  }
  c.reports++;
  if (report) c.recognised++;
  else problems.push(`${file}: ${wants[0]!.reason} read as ${facts.kind} (${facts.reason})`);
  if (facts.kind === "human_reply") c.asHuman++;
  if (facts.kind === "auto_reply") c.asAutoReply++;
  const isComplaint = wants.some((w) => w.want === "complaint");
  if (isComplaint) {
    c.complaints++;
    if (facts.kind === "complaint") c.complaintOk++;
    else if (report) problems.push(`${file}: complaint read as ${facts.kind}/${report.class}`);
  }
  const ours = report?.recipients ?? [];
  const addresses = new Set(ours.map((r) => (r.address ?? "").toLowerCase()));
  if (!isComplaint && wants.some((w) => w.want !== "delivered")) {
    c.failures++;
    const missing = wants.filter((w) => !addresses.has(w.recipient.toLowerCase()));
    if (!missing.length) c.recipientOk++;
    else if (report)
      problems.push(
        `${file}: recipient ${missing.map((m) => m.recipient).join(",")} not in [${[...addresses].join(",")}]`,
      );
  }
  for (const w of wants) {
    const mine = ours.find((r) => (r.address ?? "").toLowerCase() === w.recipient.toLowerCase());
    const cls = report ? (mine?.class ?? report.class) : facts.kind;
    c.recipients++;
    // A delay-only notice keeps the address as a temporary failure does.
    const same = cls === w.want || (w.want === "temporary" && cls === "delayed");
    if (same || (w.want === "complaint" && facts.kind === "complaint")) c.classOk++;
    const key = `${w.want} → ${facts.kind === "complaint" ? "complaint" : cls}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    if (w.want === "temporary") {
      c.temporary++;
      if (cls === "permanent") {
        c.temporaryAsPermanent++;
        problems.push(`${file}: BURNED temporary ${w.reason} ${w.status} read as permanent`);
      }
    }
    if (w.want === "policy") {
      c.policy++;
      if (cls === "permanent") c.policyAsPermanent++;
    }
    if (report && !same && w.want !== "undetermined")
      problems.push(`${file}: ${w.reason} (${w.want}, ${w.status}) read as ${cls}`);
  }
}

const ms = performance.now() - t0;
console.log(`corpus: ${dir} (${files.length} files, ${(ms / files.length).toFixed(2)} ms each)`);
console.log(`delivery reports recognised: ${c.recognised}/${c.reports} = ${pct(c.recognised, c.reports)}`);
console.log(`failed recipient correct: ${c.recipientOk}/${c.failures} = ${pct(c.recipientOk, c.failures)}`);
console.log(`temporary read as permanent (burned addresses): ${c.temporaryAsPermanent} of ${c.temporary}`);
console.log(`policy read as permanent: ${c.policyAsPermanent} of ${c.policy}`);
console.log(`reports read as human replies: ${c.asHuman}; as auto-replies: ${c.asAutoReply}`);
console.log(`complaints read as complaints: ${c.complaintOk}/${c.complaints}`);
console.log(`auto-replies read as auto-replies: ${c.vacationOk}/${c.vacations}`);
console.log(`class agreement per recipient: ${c.classOk}/${c.recipients} = ${pct(c.classOk, c.recipients)}`);
if (c.notBounces) console.log(`non-bounces read as reports: ${c.notBounceAsReport}/${c.notBounces}`);
console.log(`files Sisimai reads no result from (skipped): ${c.unreadByExpected}`);
if (list) {
  console.log("\nexpected → ours (recipients):");
  for (const [k, v] of [...confusion].sort((a, b) => b[1] - a[1])) console.log(`  ${v}\t${k}`);
  console.log("\nproblems:");
  for (const p of problems) console.log(`  ${p}`);
}
