-- A sequence's own sending calendar: null days or hours fall back to the workspace's window.
ALTER TABLE "sequences" ADD COLUMN "send_days" smallint[];
--> statement-breakpoint
ALTER TABLE "sequences" ADD COLUMN "window_start" text;
--> statement-breakpoint
ALTER TABLE "sequences" ADD COLUMN "window_end" text;
--> statement-breakpoint
ALTER TABLE "sequences" ADD COLUMN "skip_holidays" boolean DEFAULT false NOT NULL;
