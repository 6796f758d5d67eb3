ALTER TABLE "messages" ADD COLUMN "bounce_class" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "complained_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "messages_sender_sent" ON "messages" USING btree ("sender_account_id","sent_at") WHERE status = 'sent';--> statement-breakpoint
CREATE INDEX "messages_to_address" ON "messages" USING btree ("workspace_id","to_address");--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "bounce_class" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "bounce_status" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "bounce_diagnostic" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "reporting_mta" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "bounced_recipient" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "matched_by" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "sender_account_id" uuid;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_sender_account_id_sender_accounts_id_fk" FOREIGN KEY ("sender_account_id") REFERENCES "public"."sender_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_unmatched" ON "inbound_messages" USING btree ("workspace_id","received_at") WHERE lead_id is null;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "deliverability" jsonb DEFAULT '{}'::jsonb NOT NULL;
