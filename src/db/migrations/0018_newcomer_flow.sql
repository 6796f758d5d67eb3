CREATE TABLE "sequence_exclusions" (
	"sequence_id" uuid NOT NULL REFERENCES "sequences"("id") ON DELETE CASCADE,
	"lead_id" uuid NOT NULL REFERENCES "leads"("id") ON DELETE CASCADE,
	"excluded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("sequence_id", "lead_id")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "sandbox" boolean DEFAULT false NOT NULL;
