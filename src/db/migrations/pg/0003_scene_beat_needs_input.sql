ALTER TABLE "scenes" ADD COLUMN "beat" text;--> statement-breakpoint
ALTER TABLE "scenes" ADD COLUMN "needs_input" text;