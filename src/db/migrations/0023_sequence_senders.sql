-- Several senders per sequence: the rotation, in order. sequences.sender_account_id stays the first one.
CREATE TABLE "sequence_senders" (
	"sequence_id" uuid NOT NULL REFERENCES "sequences"("id") ON DELETE CASCADE,
	"sender_account_id" uuid NOT NULL REFERENCES "sender_accounts"("id") ON DELETE CASCADE,
	"workspace_id" uuid NOT NULL REFERENCES "workspaces"("id") ON DELETE CASCADE,
	"position" integer NOT NULL,
	PRIMARY KEY ("sequence_id", "sender_account_id")
);
--> statement-breakpoint
CREATE INDEX "sequence_senders_sender" ON "sequence_senders" ("sender_account_id");
--> statement-breakpoint
-- The sender a lead was given when it entered; it keeps it for the whole thread.
ALTER TABLE "enrollments" ADD COLUMN "sender_account_id" uuid REFERENCES "sender_accounts"("id") ON DELETE SET NULL;
--> statement-breakpoint
INSERT INTO "sequence_senders" ("sequence_id", "sender_account_id", "workspace_id", "position")
SELECT "id", "sender_account_id", "workspace_id", 0 FROM "sequences" WHERE "sender_account_id" IS NOT NULL;
--> statement-breakpoint
UPDATE "enrollments" e SET "sender_account_id" = s."sender_account_id"
FROM "sequences" s WHERE s."id" = e."sequence_id" AND s."sender_account_id" IS NOT NULL;
