-- Concurrent edits and repeated requests (issue 10, items 6 and 8). Edited from drizzle-kit's
-- output, as 0016 was: the new table's foreign key is declared inside CREATE TABLE (no separate
-- lock on users), and row level security for it is here too.
-- 1. storyboards.version: optimistic concurrency (+1 on every change to a storyboard or its
--    scenes; the API's ETag and If-Match). A constant default: a catalog-only change, no rewrite.
--    The archive keeps it (the archive copies every column).
-- 2. idempotency_keys: a create request's Idempotency-Key and its first result, per user and
--    route; the app role sees its own keys only (the one-comparison policy of 0010), and the
--    maintenance role purges expired ones (purge-idempotency-keys job).
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" varchar(255) NOT NULL REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action,
	"route" varchar(255) NOT NULL,
	"key" varchar(255) NOT NULL,
	"fingerprint" varchar(64) NOT NULL,
	"response_status" integer,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_route_key_pk" PRIMARY KEY("user_id","route","key")
);
--> statement-breakpoint
CREATE INDEX "idx_idempotency_keys_created_at" ON "idempotency_keys" USING btree ("created_at");
--> statement-breakpoint
ALTER TABLE "storyboards" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "storyboards_archive" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO storyboard_app;
--> statement-breakpoint
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY idempotency_keys_user_isolation ON idempotency_keys FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
GRANT SELECT, DELETE ON idempotency_keys TO storyboard_maintenance;
--> statement-breakpoint
CREATE POLICY idempotency_keys_maintenance ON idempotency_keys FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
