-- Review comments and approval (issue 15). Edited from drizzle-kit's output, as 0006 was: the
-- foreign keys of the new table are declared inside CREATE TABLE (nothing to scan, no separate
-- lock on the parents), and the approval state's CHECK is added NOT VALID, so adding it never
-- holds an ACCESS EXCLUSIVE lock on storyboards for a scan. Row level security and the reviewers'
-- write path are in 0017. The archive (0013/0014) gets scene_comments_archive and
-- storyboards_archive.approval_state, so an archived project keeps its review.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
CREATE TABLE "scene_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"scene_id" integer NOT NULL,
	"storyboard_id" integer NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"author" varchar(10) NOT NULL,
	"author_name" varchar(80),
	"share_link_id" integer,
	"body" text NOT NULL,
	"resolved" boolean DEFAULT false NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scene_comments_share_link_id_share_links_id_fk" FOREIGN KEY ("share_link_id") REFERENCES "public"."share_links"("id") ON DELETE set null ON UPDATE no action,
	CONSTRAINT "scene_comments_scene_owner_fk" FOREIGN KEY ("scene_id","user_id") REFERENCES "public"."scenes"("id","user_id") ON DELETE cascade ON UPDATE cascade,
	CONSTRAINT "scene_comments_storyboard_owner_fk" FOREIGN KEY ("storyboard_id","user_id") REFERENCES "public"."storyboards"("id","user_id") ON DELETE cascade ON UPDATE cascade,
	CONSTRAINT "scene_comments_author_check" CHECK ("scene_comments"."author" IN ('owner', 'reviewer')),
	CONSTRAINT "scene_comments_reviewer_name_check" CHECK ("scene_comments"."author" = 'owner' OR "scene_comments"."author_name" IS NOT NULL),
	CONSTRAINT "scene_comments_body_length_check" CHECK (char_length("scene_comments"."body") BETWEEN 1 AND 2000)
);
--> statement-breakpoint
CREATE INDEX "idx_scene_comments_scene_id" ON "scene_comments" USING btree ("scene_id","created_at");
--> statement-breakpoint
CREATE INDEX "idx_scene_comments_storyboard_id" ON "scene_comments" USING btree ("storyboard_id");
--> statement-breakpoint
CREATE INDEX "idx_scene_comments_share_link_id" ON "scene_comments" USING btree ("share_link_id");
--> statement-breakpoint
-- A constant default: a catalog-only change, no rewrite.
ALTER TABLE "storyboards" ADD COLUMN "approval_state" varchar(20) DEFAULT 'draft' NOT NULL;
--> statement-breakpoint
-- NOT VALID and never validated here: every existing row holds the constant default, which the
-- CHECK admits, and new or changed rows are checked from now on (as 0006's aspect ratio).
ALTER TABLE "storyboards" ADD CONSTRAINT "storyboards_approval_state_check" CHECK ("storyboards"."approval_state" IN ('draft', 'in_review', 'approved', 'changes_requested')) NOT VALID;
--> statement-breakpoint
CREATE TABLE "scene_comments_archive" (
	"id" integer PRIMARY KEY NOT NULL,
	"scene_id" integer NOT NULL,
	"storyboard_id" integer NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"author" varchar(10) NOT NULL,
	"author_name" varchar(80),
	"share_link_id" integer,
	"body" text NOT NULL,
	"resolved" boolean NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scene_comments_archive_scene_owner_fk" FOREIGN KEY ("scene_id","user_id") REFERENCES "public"."scenes_archive"("id","user_id") ON DELETE cascade ON UPDATE no action
);
--> statement-breakpoint
CREATE INDEX "idx_scene_comments_archive_scene_id" ON "scene_comments_archive" USING btree ("scene_id");
--> statement-breakpoint
-- Archived storyboards were drafts: the constant default fills them without a rewrite.
ALTER TABLE "storyboards_archive" ADD COLUMN "approval_state" varchar(20) DEFAULT 'draft' NOT NULL;
