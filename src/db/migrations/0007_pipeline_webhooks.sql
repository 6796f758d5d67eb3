CREATE TABLE "lead_status_deltas" (
	"workspace_id" uuid NOT NULL,
	"status" text NOT NULL,
	"delta" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT '-infinity' NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"events" jsonb NOT NULL,
	"secret_enc" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead_status_deltas" ADD CONSTRAINT "lead_status_deltas_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_status_deltas_ws" ON "lead_status_deltas" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook" ON "webhook_deliveries" USING btree ("webhook_id","created_at");--> statement-breakpoint
-- Pipeline counts: every statement that inserts, deletes or changes the status of leads appends one
-- signed delta per (workspace, status) it touched. Statement-level with transition tables, so a
-- 5,000-row import batch costs one small grouped insert, not 5,000.
CREATE FUNCTION overture_status_deltas_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lead_status_deltas (workspace_id, status, delta)
    SELECT workspace_id, status, count(*) FROM new_rows GROUP BY 1, 2;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION overture_status_deltas_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A lead deleted with its workspace takes the workspace's deltas with it; nothing to record.
  INSERT INTO lead_status_deltas (workspace_id, status, delta)
    SELECT o.workspace_id, o.status, -count(*) FROM old_rows o
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = o.workspace_id)
    GROUP BY 1, 2;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION overture_status_deltas_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lead_status_deltas (workspace_id, status, delta)
    SELECT workspace_id, status, sum(d)::int FROM (
      SELECT o.workspace_id, o.status, -1 AS d FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.status <> o.status
      UNION ALL
      SELECT n.workspace_id, n.status, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.status <> o.status
    ) x GROUP BY 1, 2 HAVING sum(d) <> 0;
  -- Outbound webhooks: lead.status_changed for every status change, whoever made it.
  INSERT INTO webhook_deliveries (workspace_id, webhook_id, event, payload)
    SELECT w.workspace_id, w.id, 'lead.status_changed',
      jsonb_build_object('leadId', n.id, 'from', o.status, 'to', n.status, 'email', n.email,
        'firstName', n.first_name, 'lastName', n.last_name, 'company', n.company)
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN webhooks w ON w.workspace_id = n.workspace_id AND w.active AND w.events ? 'lead.status_changed'
    WHERE n.status <> o.status;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER leads_status_deltas_ins AFTER INSERT ON leads
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION overture_status_deltas_ins();
--> statement-breakpoint
CREATE TRIGGER leads_status_deltas_del AFTER DELETE ON leads
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION overture_status_deltas_del();
--> statement-breakpoint
CREATE TRIGGER leads_status_deltas_upd AFTER UPDATE ON leads
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION overture_status_deltas_upd();
--> statement-breakpoint
-- The counts of the leads that exist when this migration runs.
INSERT INTO lead_status_deltas (workspace_id, status, delta)
  SELECT workspace_id, status, count(*) FROM leads GROUP BY 1, 2;
--> statement-breakpoint
-- Outbound webhooks for the events of the timeline, written in the transaction that records them.
CREATE FUNCTION overture_event_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_deliveries (workspace_id, webhook_id, event, payload)
    SELECT w.workspace_id, w.id, m.event,
      jsonb_build_object('leadId', e.lead_id, 'email', l.email, 'firstName', l.first_name,
        'lastName', l.last_name, 'company', l.company, 'status', l.status, 'data', e.data, 'at', e.created_at)
    FROM new_rows e
    JOIN LATERAL (SELECT CASE e.type
        WHEN 'replied' THEN 'lead.replied'
        WHEN 'bounced' THEN 'lead.bounced'
        WHEN 'unsubscribed' THEN 'lead.unsubscribed'
        WHEN 'message_sent' THEN 'message.sent'
        WHEN 'email_opened' THEN 'message.opened'
        WHEN 'link_clicked' THEN 'message.clicked'
      END AS event) m ON m.event IS NOT NULL
    JOIN webhooks w ON w.workspace_id = e.workspace_id AND w.active AND w.events ? m.event
    JOIN leads l ON l.id = e.lead_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER lead_events_webhooks AFTER INSERT ON lead_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION overture_event_webhooks();
