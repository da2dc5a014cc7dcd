-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- Exception (docs/operations.md, "Safe migrations"): landed before squawk ran in lint. Nullable
-- columns without a default are catalog-only changes; the migrator's lock_timeout bounds the wait.
ALTER TABLE "scenes" ADD COLUMN "beat" text;--> statement-breakpoint
ALTER TABLE "scenes" ADD COLUMN "needs_input" text;