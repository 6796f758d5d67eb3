import { z } from "zod";
import type { Actor } from "../app/context";

/** Who queued a job: carried in its payload so the work is done (and recorded) in their name. */
export const actorFields = { actorLabel: z.string(), userId: z.string().nullable() };

export const jobActor = (workspaceId: string, p: { actorLabel: string; userId: string | null }): Actor => ({
  workspaceId,
  userId: p.userId,
  role: "admin",
  via: "system",
  label: p.actorLabel,
});
