CREATE TABLE "message_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"sequence_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"step_index" integer NOT NULL,
	"channel" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"hook" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"generator" text NOT NULL,
	"model" text,
	"usage" jsonb,
	"fallback_reason" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"edited" boolean DEFAULT false NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sequences" ADD COLUMN "message_source" text DEFAULT 'template' NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD COLUMN "generator" text DEFAULT 'builtin' NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD COLUMN "model" text;--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD COLUMN "usage" jsonb;--> statement-breakpoint
ALTER TABLE "message_drafts" ADD CONSTRAINT "message_drafts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_drafts" ADD CONSTRAINT "message_drafts_sequence_id_sequences_id_fk" FOREIGN KEY ("sequence_id") REFERENCES "public"."sequences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_drafts" ADD CONSTRAINT "message_drafts_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_drafts_sequence_lead_step" ON "message_drafts" USING btree ("sequence_id","lead_id","step_index");--> statement-breakpoint
CREATE INDEX "message_drafts_lead" ON "message_drafts" USING btree ("lead_id");