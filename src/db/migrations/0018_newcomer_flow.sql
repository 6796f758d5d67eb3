CREATE TABLE "sequence_exclusions" (
	"sequence_id" uuid NOT NULL REFERENCES "sequences"("id") ON DELETE CASCADE,
	"lead_id" uuid NOT NULL REFERENCES "leads"("id") ON DELETE CASCADE,
	"excluded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("sequence_id", "lead_id")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "sandbox" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"workspace_id" uuid NOT NULL REFERENCES "workspaces"("id") ON DELETE CASCADE,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("workspace_id", "scope", "key")
);
--> statement-breakpoint
ALTER TABLE "sequences" ADD COLUMN "launch_result" jsonb;
--> statement-breakpoint
ALTER TABLE "sequences" ADD COLUMN "archived_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "archived_at" timestamp with time zone;
