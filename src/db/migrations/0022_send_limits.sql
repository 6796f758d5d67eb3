-- The per-domain and workspace daily limits count a workspace's emails of the last 24 hours on every claim.
CREATE INDEX "messages_email_recent" ON "messages" ("workspace_id", "claimed_at") WHERE channel = 'email';
