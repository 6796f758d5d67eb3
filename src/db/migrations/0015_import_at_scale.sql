-- Accent folding for search ("muller" finds "Müller"): lower-case, and for text with any non-ASCII
-- character, the unaccent extension's rules (Müller, Łódź, Straße, Æble, Øre, Þór). Immutable, so a
-- generated column can use it: unaccent() itself is only stable because its dictionary could be
-- changed, so the dictionary is named explicitly. Measured on 1M rows (bench/RESULTS.md): a
-- translate() over a 200-character table cost 158 s per million rows; this costs ~2 s, most of it
-- the plpgsql call, since ASCII text (most rows) skips unaccent entirely.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE FUNCTION overture_fold(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
BEGIN
  IF octet_length(t) = char_length(t) THEN
    RETURN lower(t);
  END IF;
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, t));
END $$;
--> statement-breakpoint
-- The search text folded (name, company, title, location, email: fragments of any of them match,
-- as before); see bench/RESULTS.md for what leaving the email out would save.
DROP INDEX "leads_search_trgm";
--> statement-breakpoint
ALTER TABLE "leads" DROP COLUMN "search_text";
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "search_text" text GENERATED ALWAYS AS (overture_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(job_title, '') || ' ' || coalesce(location, '') || ' ' || coalesce(email, ''))) STORED;
--> statement-breakpoint
CREATE INDEX "leads_search_trgm" ON "leads" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
-- The row of the file a lead came from: a later row of the same import that names the same
-- person is reported as a duplicate of that line, without keeping every key of the file in memory.
ALTER TABLE "leads" ADD COLUMN "source_line" integer;
--> statement-breakpoint
-- Memberships without per-row foreign-key checks: each checked row cost a lookup and a row lock
-- on the lead or list (measured in bench/RESULTS.md). Deleting a lead or a list still removes its
-- memberships, through statement-level triggers; memberships are only written by code that has
-- just read or written the lead and the list in the same transaction.
ALTER TABLE "list_members" DROP CONSTRAINT "list_members_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "list_members" DROP CONSTRAINT "list_members_list_id_lists_id_fk";
--> statement-breakpoint
CREATE FUNCTION overture_leads_drop_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM list_members m USING old_rows o WHERE m.lead_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER leads_drop_members AFTER DELETE ON leads
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION overture_leads_drop_members();
--> statement-breakpoint
CREATE FUNCTION overture_lists_drop_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM list_members m USING old_rows o WHERE m.list_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER lists_drop_members AFTER DELETE ON lists
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION overture_lists_drop_members();
--> statement-breakpoint
-- List sizes kept with the memberships, one statement-level update per statement, so /api/lists
-- reads a column instead of counting every membership of the workspace on every page load.
-- Rows are locked in id order so that two statements touching the same lists cannot deadlock.
ALTER TABLE "lists" ADD COLUMN "lead_count" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE FUNCTION overture_list_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM lists WHERE id IN (SELECT DISTINCT list_id FROM new_rows) ORDER BY id FOR UPDATE;
    UPDATE lists l SET lead_count = l.lead_count + d.n
      FROM (SELECT list_id, count(*)::int AS n FROM new_rows GROUP BY 1) d WHERE l.id = d.list_id;
  ELSE
    PERFORM 1 FROM lists WHERE id IN (SELECT DISTINCT list_id FROM old_rows) ORDER BY id FOR UPDATE;
    UPDATE lists l SET lead_count = l.lead_count - d.n
      FROM (SELECT list_id, count(*)::int AS n FROM old_rows GROUP BY 1) d WHERE l.id = d.list_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER list_members_count_ins AFTER INSERT ON list_members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION overture_list_counts();
--> statement-breakpoint
CREATE TRIGGER list_members_count_del AFTER DELETE ON list_members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION overture_list_counts();
--> statement-breakpoint
-- Memberships whose lead or list was deleted before this migration are gone with their FKs; count the rest.
UPDATE lists l SET lead_count = (SELECT count(*)::int FROM list_members m WHERE m.list_id = l.id);
--> statement-breakpoint
-- The rejected rows of an import, with the reason, for the "download rejected rows" CSV: written
-- in the transaction of their batch, so a resumed import neither loses nor repeats one.
CREATE TABLE "import_rejects" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"reason" text NOT NULL,
	"cells" jsonb NOT NULL,
	CONSTRAINT "import_rejects_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
ALTER TABLE "import_rejects" ADD CONSTRAINT "import_rejects_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- What the preview read (header row) and what the person chose (encoding, delimiter), so starting
-- an import reads nothing again and the job reads the file the way the preview showed it.
ALTER TABLE "imports" ADD COLUMN "headers" jsonb;
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "read_options" jsonb;
