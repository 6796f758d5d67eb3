ALTER TABLE "mailbox_cursors" ADD COLUMN "leased_by" text;--> statement-breakpoint
ALTER TABLE "mailbox_cursors" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "attempt" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "step_attempt" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
DROP INDEX "messages_enrollment_step";--> statement-breakpoint
CREATE UNIQUE INDEX "messages_enrollment_step_attempt" ON "messages" USING btree ("enrollment_id","step_index","attempt");--> statement-breakpoint
ALTER TABLE "sender_accounts" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sender_accounts" ADD COLUMN "paused_reason" text;--> statement-breakpoint
DELETE FROM "inbound_messages" a USING "inbound_messages" b
  WHERE a."workspace_id" = b."workspace_id" AND a."message_id" = b."message_id"
    AND (a."received_at", a."id") > (b."received_at", b."id");--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "inbound_messages_ws_message_id" ON "inbound_messages" USING btree ("workspace_id","message_id");
