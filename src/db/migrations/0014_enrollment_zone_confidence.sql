ALTER TABLE "enrollments" ADD COLUMN "zone_confidence" text DEFAULT 'guess' NOT NULL;
--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "zone_explanation" text;
--> statement-breakpoint
UPDATE "enrollments" SET "zone_confidence" = 'exact' WHERE "zone_source" = 'lead';
