-- The undo stack (issue 14; docs/schema.md, "Undo and history"). Edited from drizzle-kit's output,
-- as 0016 was: the foreign keys of the new table are declared inside CREATE TABLE (nothing to scan,
-- no separate lock on the parents). Row level security is in 0020.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
CREATE TABLE "storyboard_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"storyboard_id" integer,
	"user_id" varchar(255) NOT NULL,
	"label" varchar(255) NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"undone" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "storyboard_changes_project_owner_fk" FOREIGN KEY ("project_id","user_id") REFERENCES "public"."projects"("id","user_id") ON DELETE cascade ON UPDATE cascade,
	CONSTRAINT "storyboard_changes_storyboard_owner_fk" FOREIGN KEY ("storyboard_id","user_id") REFERENCES "public"."storyboards"("id","user_id") ON DELETE cascade ON UPDATE cascade
);
--> statement-breakpoint
CREATE INDEX "idx_storyboard_changes_storyboard" ON "storyboard_changes" USING btree ("storyboard_id","id");
--> statement-breakpoint
CREATE INDEX "idx_storyboard_changes_project" ON "storyboard_changes" USING btree ("project_id","id");
