import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import { type Branch, branchShapeProblem, type StepPath } from "../../domain/sequence/branchDecision";
import type { PathStep } from "../../domain/sequence/branchPlan";
import { PLACEHOLDER_BODIES } from "../../domain/sequence/placeholderBodies";
import { type SequenceStep, stepChannels } from "../../domain/sequence/sequenceEngine";
import { type StepVariant, variantsProblem } from "../../domain/sequence/stepVariants";
import type { SequenceCalendarPatch } from "../../domain/sendingWindowSettings";
import { sequenceSources, sequenceSteps, sequences, workspaces } from "../../db/schema";
import type { Actor, AppContext } from "../context";
import { getList } from "../lists/lists";
import { getRun, resolvePlay } from "./runs";
import { chosenSenders, type SenderChoice, senderIdsOf, writeSequenceSenders } from "./sequenceSenders";
import { getStrategyProfile } from "./strategyProfiles";

export type StepInput = {
  channel: (typeof stepChannels)[number];
  delayDays: number;
  condition: "always" | "no_reply";
  subject?: string;
  body?: string;
  /** A/B versions (labels A, B, …); empty or absent: none. */
  variants?: StepVariant[];
  /** Apply the test's winner to new leads once it has one. */
  autoWinner?: boolean;
  /** The branch path this step is on; null or absent: a shared step. */
  path?: StepPath | null;
};

const defaultBody: Record<string, string> = PLACEHOLDER_BODIES;

/** The steps and the branch must fit together (shared steps first, then the yes and no paths). */
function validateBranch(steps: StepInput[], branch: Branch | null) {
  const problem = branchShapeProblem(
    steps.map((s, n) => ({ index: n + 1, path: s.path ?? null })),
    branch,
  );
  if (problem) throw new AppError("validation", problem, { field: "branch" });
}

function validateSteps(steps: StepInput[]) {
  if (!steps.length)
    throw new AppError("validation", "a sequence needs at least one step", { field: "steps" });
  steps.forEach((s, i) => {
    if (s.delayDays < 0 || s.delayDays > 365)
      throw new AppError("validation", `step ${i + 1}: delay must be 0-365 days`, {
        field: `steps.${i}.delayDays`,
      });
    if (s.channel === "linkedin_invite" && (s.body ?? "").length > 300)
      throw new AppError("validation", `step ${i + 1}: a LinkedIn invite note is at most 300 characters`, {
        field: `steps.${i}.body`,
      });
    const problem = variantsProblem(s.variants ?? [], s.channel);
    if (problem)
      throw new AppError("validation", `step ${i + 1}: ${problem}`, { field: `steps.${i}.variants` });
  });
}

export async function getSequence(ctx: AppContext, actor: Actor, id: string) {
  const [seq] = await ctx.db
    .select()
    .from(sequences)
    .where(and(eq(sequences.id, id), eq(sequences.workspaceId, actor.workspaceId)));
  if (!seq) throw new AppError("not_found", "no such sequence in this workspace");
  const steps = await ctx.db
    .select()
    .from(sequenceSteps)
    .where(eq(sequenceSteps.sequenceId, id))
    .orderBy(asc(sequenceSteps.idx));
  const sources = await ctx.db
    .select({ listId: sequenceSources.listId })
    .from(sequenceSources)
    .where(eq(sequenceSources.sequenceId, id));
  const senderAccountIds = (await senderIdsOf(ctx.db, [id])).get(id)!;
  return { ...seq, senderAccountIds, steps, listIds: sources.map((s) => s.listId) };
}

/** Sequences, optionally of one run; archived ones only when asked for. */
export async function listSequences(ctx: AppContext, actor: Actor, runId?: string, archived = false) {
  const rows = await ctx.db
    .select()
    .from(sequences)
    .where(
      and(
        eq(sequences.workspaceId, actor.workspaceId),
        runId ? eq(sequences.runId, runId) : undefined,
        archived ? isNotNull(sequences.archivedAt) : isNull(sequences.archivedAt),
      ),
    )
    .orderBy(asc(sequences.createdAt));
  const senders = await senderIdsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, senderAccountIds: senders.get(r.id)! }));
}

/** Created in a run from lists (source groups) and a strategy profile; steps default to the run's play. */
export async function createSequence(
  ctx: AppContext,
  actor: Actor,
  i: {
    runId: string;
    name: string;
    listIds: string[];
    strategyProfileId?: string;
    steps?: StepInput[];
    trackOpens?: boolean;
    trackClicks?: boolean;
    /** After the shared steps, the question that picks each lead's path; null or absent: linear. */
    branch?: Branch | null;
  } & SenderChoice,
) {
  const run = await getRun(ctx, actor, i.runId);
  for (const l of i.listIds) await getList(ctx, actor, l);
  if (i.strategyProfileId) await getStrategyProfile(ctx, actor, i.strategyProfileId);
  const senderIds = await chosenSenders(ctx, actor.workspaceId, i);
  const steps: StepInput[] =
    i.steps ??
    (await resolvePlay(ctx, actor, run.playKey)).steps.map((s) => ({ ...s, body: defaultBody[s.channel] }));
  validateSteps(steps);
  validateBranch(steps, i.branch ?? null);
  const id = await ctx.db.transaction(async (tx) => {
    const [seq] = await tx
      .insert(sequences)
      .values({
        workspaceId: actor.workspaceId,
        runId: run.id,
        name: i.name.trim(),
        strategyProfileId: i.strategyProfileId,
        senderAccountId: senderIds?.[0],
        trackOpens: i.trackOpens ?? false,
        trackClicks: i.trackClicks ?? false,
        branch: i.branch ?? null,
        createdAt: ctx.clock.now(),
      })
      .returning();
    if (senderIds?.length) await writeSequenceSenders(tx, seq!, senderIds);
    if (i.listIds.length)
      await tx.insert(sequenceSources).values(i.listIds.map((listId) => ({ sequenceId: seq!.id, listId })));
    await tx.insert(sequenceSteps).values(
      steps.map((s, n) => ({
        sequenceId: seq!.id,
        idx: n + 1,
        channel: s.channel,
        delayDays: s.delayDays,
        condition: s.condition,
        subject: s.subject ?? "",
        body: s.body ?? "",
        ...stepVariantColumns(s),
        path: s.path ?? null,
      })),
    );
    return seq!.id;
  });
  return getSequence(ctx, actor, id);
}

/**
 * Steps can be rewritten while the sequence is a draft; once it runs, enrolled leads rely on them.
 * `branch` undefined keeps the sequence's branch (which the new steps must fit), null removes it.
 */
export async function setSequenceSteps(
  ctx: AppContext,
  actor: Actor,
  id: string,
  steps: StepInput[],
  branch?: Branch | null,
) {
  const seq = await getSequence(ctx, actor, id);
  if (seq.status !== "draft")
    throw new AppError(
      "conflict",
      "steps are locked once the sequence has started; pause it and create a new one",
    );
  validateSteps(steps);
  const nextBranch = branch === undefined ? seq.branch : branch;
  validateBranch(steps, nextBranch);
  await ctx.db.transaction(async (tx) => {
    if (branch !== undefined) await tx.update(sequences).set({ branch }).where(eq(sequences.id, id));
    await tx.delete(sequenceSteps).where(eq(sequenceSteps.sequenceId, id));
    await tx.insert(sequenceSteps).values(
      steps.map((s, n) => ({
        sequenceId: id,
        idx: n + 1,
        channel: s.channel,
        delayDays: s.delayDays,
        condition: s.condition,
        subject: s.subject ?? "",
        body: s.body ?? "",
        ...stepVariantColumns(s),
        path: s.path ?? null,
      })),
    );
  });
  return getSequence(ctx, actor, id);
}

export async function updateSequence(
  ctx: AppContext,
  actor: Actor,
  id: string,
  {
    senderAccountId,
    senderAccountIds,
    ...patch
  }: {
    name?: string;
    strategyProfileId?: string;
    trackOpens?: boolean;
    trackClicks?: boolean;
    messageSource?: "template" | "personalised";
  } & SequenceCalendarPatch &
    SenderChoice,
) {
  const seq = await getSequence(ctx, actor, id);
  if (patch.windowStart !== undefined || patch.windowEnd !== undefined) {
    const [ws] = await ctx.db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId));
    const start = (patch.windowStart === undefined ? seq.windowStart : patch.windowStart) ?? ws!.windowStart;
    const end = (patch.windowEnd === undefined ? seq.windowEnd : patch.windowEnd) ?? ws!.windowEnd;
    if (start >= end)
      throw new AppError("validation", `the sending hours end (${end}) must be after they start (${start})`, {
        field: "windowEnd",
      });
  }
  if (patch.sendDays) patch = { ...patch, sendDays: [...new Set(patch.sendDays)].sort((a, b) => a - b) };
  if (patch.messageSource && patch.messageSource !== seq.messageSource && seq.status !== "draft")
    throw new AppError("conflict", "the message source can only be changed before launch", {
      field: "messageSource",
    });
  const senderIds = await chosenSenders(ctx, actor.workspaceId, { senderAccountId, senderAccountIds });
  if (patch.strategyProfileId) await getStrategyProfile(ctx, actor, patch.strategyProfileId);
  await ctx.db.transaction(async (tx) => {
    if (Object.keys(patch).length) await tx.update(sequences).set(patch).where(eq(sequences.id, id));
    // A lead already in the sequence keeps its sender (its thread); the rotation is for leads entering.
    if (senderIds) await writeSequenceSenders(tx, seq, senderIds);
  });
  return getSequence(ctx, actor, id);
}

/** What a step's variants store: the versions, auto-pick, and no winner (a rewritten step starts over). */
const stepVariantColumns = (s: StepInput) => ({
  variants: (s.variants ?? []).map((v) => ({
    label: v.label,
    subject: v.subject ?? "",
    body: v.body ?? "",
    weight: v.weight,
  })),
  autoWinner: (s.variants ?? []).length > 0 && (s.autoWinner ?? false),
});

export const stepsOf = (
  rows: { idx: number; channel: string; delayDays: number; condition: string; path?: StepPath | null }[],
): PathStep[] =>
  rows.map((r) => ({
    index: r.idx,
    channel: r.channel as SequenceStep["channel"],
    delayDays: r.delayDays,
    condition: r.condition as SequenceStep["condition"],
    path: r.path ?? null,
  }));
