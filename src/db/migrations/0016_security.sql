-- Who changed what (credentials, roles) and who signed in from a new device, per workspace. The
-- details name the fields that changed, never a secret's value.
CREATE TABLE "audit_events" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "workspace_id" uuid NOT NULL REFERENCES "workspaces"("id") ON DELETE CASCADE,
  "actor" text NOT NULL,
  "action" text NOT NULL,
  "target" text,
  "details" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_workspace_idx" ON "audit_events" ("workspace_id", "created_at" DESC);
--> statement-breakpoint
-- Failed sign-ins per account and per client address, in the database so every web process sees
-- the same counts (an attacker spreading attempts over processes gains nothing).
CREATE TABLE "login_throttle" (
  "key" text PRIMARY KEY NOT NULL,
  "failures" integer DEFAULT 0 NOT NULL,
  "last_failure_at" timestamp with time zone NOT NULL,
  "blocked_until" timestamp with time zone
);
--> statement-breakpoint
-- Devices a user has signed in from (a hash of a long-lived device cookie): a sign-in from any
-- other is recorded on the audit log.
CREATE TABLE "known_devices" (
  "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
  "device_hash" text NOT NULL,
  "first_seen_at" timestamp with time zone NOT NULL,
  "last_seen_at" timestamp with time zone NOT NULL,
  PRIMARY KEY ("user_id", "device_hash")
);
