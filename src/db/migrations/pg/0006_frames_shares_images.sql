-- Frames, share links and scene images (issue 13). Edited from drizzle-kit's output: the foreign
-- keys of the two new tables are declared inside CREATE TABLE (nothing to scan, no separate lock
-- on the parent), and the aspect ratio's CHECK is added NOT VALID (below), so adding it never
-- holds an ACCESS EXCLUSIVE lock for a scan of storyboards.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
CREATE TABLE "scene_images" (
	"scene_id" integer PRIMARY KEY NOT NULL,
	"content_type" varchar(20) NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scene_images_scene_id_scenes_id_fk" FOREIGN KEY ("scene_id") REFERENCES "public"."scenes"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "scene_images_content_type_check" CHECK ("scene_images"."content_type" IN ('image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"storyboard_id" integer NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"allow_comments" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_opened_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "share_links_storyboard_id_storyboards_id_fk" FOREIGN KEY ("storyboard_id") REFERENCES "public"."storyboards"("id") ON DELETE cascade ON UPDATE no action,
	CONSTRAINT "share_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE INDEX "idx_share_links_storyboard_id" ON "share_links" USING btree ("storyboard_id");
--> statement-breakpoint
ALTER TABLE "storyboards" ADD COLUMN "aspect_ratio" varchar(5) DEFAULT '9:16' NOT NULL;
--> statement-breakpoint
-- NOT VALID and never validated here: every existing row holds the constant default, which the
-- CHECK admits, and new or changed rows are checked from now on. Validating would only record
-- that fact, at the price of a scan under this transaction's lock; run
-- `ALTER TABLE storyboards VALIDATE CONSTRAINT storyboards_aspect_ratio_check` online if wanted.
ALTER TABLE "storyboards" ADD CONSTRAINT "storyboards_aspect_ratio_check" CHECK ("storyboards"."aspect_ratio" IN ('9:16', '16:9', '1:1', '4:5')) NOT VALID;
