-- projects.shard_id, the "expand" half (docs/operations.md, "Online steps"). The schema says
-- NOT NULL with an index; both need a filled column and must not lock the table, so this
-- migration only adds it nullable (a catalog-only change) and the online step projects_shard_id
-- (src/ops/online/steps.ts) backfills it in batches, adds CHECK … NOT VALID, validates it, sets
-- NOT NULL, and builds idx_projects_shard_id CONCURRENTLY, after this transaction commits.
SET lock_timeout = '2s';--> statement-breakpoint
SET statement_timeout = '60s';--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN IF NOT EXISTS "shard_id" integer;--> statement-breakpoint
-- Where a project would live is no change a person made: the history ignores an UPDATE that only
-- sets shard_id (the backfill, a reshard), as it ignores one that only touches updated_at.
CREATE OR REPLACE FUNCTION audit_projects() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF audit_skip() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (table_name, operation, user_id, new_values, project_id, row_id)
    SELECT 'projects', 'INSERT', audit_actor(), to_jsonb(n), n.id, n.id FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_log (table_name, operation, user_id, old_values, new_values, project_id, row_id)
    SELECT 'projects', 'UPDATE', audit_actor(), to_jsonb(o), to_jsonb(n), n.id, n.id
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE to_jsonb(o) - 'updated_at' - 'shard_id' <> to_jsonb(n) - 'updated_at' - 'shard_id';
  ELSE
    INSERT INTO audit_log (table_name, operation, user_id, old_values, project_id, row_id)
    SELECT 'projects', 'DELETE', audit_actor(), to_jsonb(o), o.id, o.id FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;
