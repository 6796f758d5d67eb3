-- A sender's custom tracking domain (track.acme.com, a CNAME to Overture's public host) and its last check.
ALTER TABLE "sender_accounts" ADD COLUMN "tracking_domain" text;
--> statement-breakpoint
ALTER TABLE "sender_accounts" ADD COLUMN "tracking_check" jsonb;
--> statement-breakpoint
-- Sends the SMTP server refused at once (a bounce without a bounce message) count in sender health.
CREATE INDEX "messages_sender_refused" ON "messages" ("sender_account_id", "attempted_at") WHERE status = 'failed' AND bounce_class IS NOT NULL;
