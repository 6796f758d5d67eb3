-- Branches: after the shared steps one yes/no question ({on, withinDays}) picks the path a lead takes; null = linear.
ALTER TABLE "sequences" ADD COLUMN "branch" jsonb;
--> statement-breakpoint
-- A step's path: 'yes' or 'no' after the branch question, null for a shared step.
ALTER TABLE "sequence_steps" ADD COLUMN "path" text;
--> statement-breakpoint
-- The path a lead took, null until the branch is decided.
ALTER TABLE "enrollments" ADD COLUMN "branch_path" text;
