import type { Actor, AppContext } from "../../src/app/context";
import { launchSequence } from "../../src/app/outreach/enrollments";
import { createRun } from "../../src/app/outreach/runs";
import { createSenderAccount } from "../../src/app/outreach/senderAccounts";
import { createSequence, type StepInput, updateSequence } from "../../src/app/outreach/sequences";
import type { SequenceCalendarPatch } from "../../src/domain/sendingWindowSettings";

/**
 * An SMTP sender (no gap, no jitter: tests and benchmarks decide time themselves), optionally with an
 * IMAP inbox, and a launched email sequence on one list. Returns the ids.
 */
export async function launchEmailSequence(
  ctx: AppContext,
  actor: Actor,
  o: {
    listId: string;
    smtpPort: number;
    fromEmail: string;
    imap?: { port: number; password: string };
    steps: StepInput[];
    dailyCap?: number;
    name?: string;
    /** The sequence's own sending calendar, set before launch. */
    calendar?: SequenceCalendarPatch;
  },
) {
  const sender = await createSenderAccount(ctx, actor, {
    kind: "smtp",
    name: o.name ?? "Sender",
    fromEmail: o.fromEmail,
    smtp: { host: "127.0.0.1", port: o.smtpPort, secure: false },
    ...(o.imap
      ? {
          imap: {
            host: "127.0.0.1",
            port: o.imap.port,
            secure: false,
            user: o.fromEmail,
            password: o.imap.password,
          },
        }
      : {}),
    ...(o.dailyCap ? { dailyCap: o.dailyCap } : {}),
    minGapSeconds: 0,
    jitterSeconds: 0,
  });
  const run = await createRun(ctx, actor, { name: o.name ?? "Run", playKey: "builtin:email-only" });
  const seq = await createSequence(ctx, actor, {
    runId: run.id,
    name: o.name ?? "Sequence",
    listIds: [o.listId],
    senderAccountId: sender.id,
    steps: o.steps,
  });
  if (o.calendar) await updateSequence(ctx, actor, seq.id, o.calendar);
  await launchSequence(ctx, actor, seq.id);
  return { senderId: sender.id, runId: run.id, sequenceId: seq.id };
}

/** A sandbox sender (nothing leaves the machine, no gap, no jitter) and a launched sequence on one list. */
export async function launchSandboxSequence(
  ctx: AppContext,
  actor: Actor,
  o: { listId: string; fromEmail: string; steps: StepInput[] },
) {
  const sender = await createSenderAccount(ctx, actor, {
    kind: "sandbox",
    name: "Sandbox",
    fromEmail: o.fromEmail,
    minGapSeconds: 0,
    jitterSeconds: 0,
  });
  const run = await createRun(ctx, actor, { name: "R", playKey: "builtin:email-only" });
  const seq = await createSequence(ctx, actor, {
    runId: run.id,
    name: "S",
    listIds: [o.listId],
    senderAccountId: sender.id,
    steps: o.steps,
  });
  await launchSequence(ctx, actor, seq.id);
  return { senderId: sender.id, runId: run.id, sequenceId: seq.id };
}
