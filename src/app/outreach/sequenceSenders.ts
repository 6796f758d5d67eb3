import { and, asc, eq, inArray } from "drizzle-orm";
import { AppError } from "../../domain/appError";
import type { Db } from "../../db/client";
import { senderAccounts, sequenceSenders, sequences } from "../../db/schema";
import type { AppContext } from "../context";

export type SenderChoice = { senderAccountId?: string; senderAccountIds?: string[] };

/**
 * The rotation a create or update asks for, checked against the workspace's senders: `senderAccountIds`
 * in order (duplicates dropped), or the single `senderAccountId` as a rotation of one. Undefined when
 * neither is given (nothing changes). An id that is not a sender of this workspace is refused by name.
 */
export async function chosenSenders(
  ctx: AppContext,
  workspaceId: string,
  c: SenderChoice,
): Promise<string[] | undefined> {
  if (c.senderAccountIds === undefined && c.senderAccountId === undefined) return undefined;
  const ids = [...new Set(c.senderAccountIds ?? [c.senderAccountId!])];
  if (c.senderAccountIds && c.senderAccountId !== undefined && c.senderAccountId !== ids[0])
    throw new AppError(
      "validation",
      "senderAccountId, when given with senderAccountIds, must be the first of them",
      { field: "senderAccountId" },
    );
  if (ids.length > 20)
    throw new AppError("validation", "a sequence rotates through at most 20 senders", {
      field: "senderAccountIds",
    });
  const found = ids.length
    ? await ctx.db
        .select({ id: senderAccounts.id })
        .from(senderAccounts)
        .where(and(eq(senderAccounts.workspaceId, workspaceId), inArray(senderAccounts.id, ids)))
    : [];
  const known = new Set(found.map((r) => r.id));
  const bad = ids.findIndex((id) => !known.has(id));
  if (bad >= 0)
    throw new AppError("not_found", `${ids[bad]} is not a sender account of this workspace`, {
      field: c.senderAccountIds ? `senderAccountIds.${bad}` : "senderAccountId",
    });
  return ids;
}

/** Replaces a sequence's rotation; `sequences.sender_account_id` stays its first sender (or none). */
export async function writeSequenceSenders(
  tx: Pick<Db, "delete" | "insert" | "update">,
  seq: { id: string; workspaceId: string },
  ids: string[],
) {
  await tx.delete(sequenceSenders).where(eq(sequenceSenders.sequenceId, seq.id));
  if (ids.length)
    await tx.insert(sequenceSenders).values(
      ids.map((senderAccountId, position) => ({
        sequenceId: seq.id,
        senderAccountId,
        workspaceId: seq.workspaceId,
        position,
      })),
    );
  await tx
    .update(sequences)
    .set({ senderAccountId: ids[0] ?? null })
    .where(eq(sequences.id, seq.id));
}

/** Each sequence's senders in rotation order. */
export async function senderIdsOf(db: Pick<Db, "select">, sequenceIds: string[]) {
  const out = new Map<string, string[]>(sequenceIds.map((id) => [id, []]));
  if (!sequenceIds.length) return out;
  const rows = await db
    .select({ sequenceId: sequenceSenders.sequenceId, senderAccountId: sequenceSenders.senderAccountId })
    .from(sequenceSenders)
    .where(inArray(sequenceSenders.sequenceId, sequenceIds))
    .orderBy(asc(sequenceSenders.position));
  for (const r of rows) out.get(r.sequenceId)!.push(r.senderAccountId);
  return out;
}

/** The sender rows of a sequence's rotation, in order. */
export async function rotationSenders(db: Pick<Db, "select">, sequenceId: string) {
  const rows = await db
    .select({ sender: senderAccounts, position: sequenceSenders.position })
    .from(sequenceSenders)
    .innerJoin(senderAccounts, eq(senderAccounts.id, sequenceSenders.senderAccountId))
    .where(eq(sequenceSenders.sequenceId, sequenceId))
    .orderBy(asc(sequenceSenders.position));
  return rows.map((r) => ({ ...r.sender, position: r.position }));
}
