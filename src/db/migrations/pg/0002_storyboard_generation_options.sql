-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- Exception (docs/operations.md, "Safe migrations"): written before squawk ran in lint. A nullable
-- column without a default is a catalog-only change; the migrator's lock_timeout bounds its wait.
ALTER TABLE "storyboards" ADD COLUMN "generation_options" jsonb;