ALTER TABLE "sender_accounts" ADD COLUMN "dkim_selector" text;
--> statement-breakpoint
CREATE TABLE "sender_domain_checks" (
	"sender_account_id" uuid PRIMARY KEY NOT NULL REFERENCES "sender_accounts"("id") ON DELETE CASCADE,
	"workspace_id" uuid NOT NULL REFERENCES "workspaces"("id") ON DELETE CASCADE,
	"domain" text NOT NULL,
	"smtp_host" text,
	"selector" text,
	"results" jsonb NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"checked_by" text NOT NULL,
	"overridden_by" text,
	"overridden_at" timestamp with time zone,
	"override_reason" text
);
