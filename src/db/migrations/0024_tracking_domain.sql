-- A sender's custom tracking domain (track.acme.com, a CNAME to Overture's public host) and its last check.
ALTER TABLE "sender_accounts" ADD COLUMN "tracking_domain" text;
--> statement-breakpoint
ALTER TABLE "sender_accounts" ADD COLUMN "tracking_check" jsonb;
