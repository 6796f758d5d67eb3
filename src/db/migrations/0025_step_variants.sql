-- A/B variants of a step: the versions (label, subject, body, weight), the winner once one is chosen
-- (by a person or by the test when auto-pick is on), and which variant each message carried.
ALTER TABLE "sequence_steps" ADD COLUMN "variants" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "sequence_steps" ADD COLUMN "auto_winner" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "sequence_steps" ADD COLUMN "winner" text;
--> statement-breakpoint
ALTER TABLE "sequence_steps" ADD COLUMN "winner_reason" text;
--> statement-breakpoint
ALTER TABLE "sequence_steps" ADD COLUMN "winner_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "variant" text;
