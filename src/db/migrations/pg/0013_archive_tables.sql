-- The archive tables (generated; docs/schema.md, "Archive"). New, empty tables: the only lock on a
-- live table is the foreign key's SHARE ROW EXCLUSIVE on users (projects_archive.user_id), for a
-- moment, under the usual short timeouts.
SET lock_timeout = '2s';--> statement-breakpoint
SET statement_timeout = '60s';--> statement-breakpoint
CREATE TABLE "projects_archive" (
	"id" integer PRIMARY KEY NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"title" varchar(255) NOT NULL,
	"description" text,
	"status" varchar(20) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"shard_id" integer,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_archive_id_user_id_unique" UNIQUE("id","user_id")
);
--> statement-breakpoint
CREATE TABLE "scene_images_archive" (
	"scene_id" integer PRIMARY KEY NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"content_type" varchar(20) NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scene_tasks_archive" (
	"id" integer PRIMARY KEY NOT NULL,
	"scene_id" integer NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"task_type" varchar(30) NOT NULL,
	"completed" boolean NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenes_archive" (
	"id" integer PRIMARY KEY NOT NULL,
	"storyboard_id" integer NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"scene_number" integer NOT NULL,
	"duration" integer NOT NULL,
	"scene_type" varchar(20) NOT NULL,
	"visual_description" text NOT NULL,
	"script" text,
	"text_overlay" varchar(500),
	"camera_angle" varchar(100),
	"beat" text,
	"needs_input" text,
	"edited_fields" varchar(255),
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scenes_archive_id_user_id_unique" UNIQUE("id","user_id")
);
--> statement-breakpoint
CREATE TABLE "share_links_archive" (
	"id" integer PRIMARY KEY NOT NULL,
	"storyboard_id" integer NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"allow_comments" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_opened_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "storyboard_snapshots_archive" (
	"id" integer PRIMARY KEY NOT NULL,
	"storyboard_id" integer NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"name" varchar(255) NOT NULL,
	"kind" varchar(20) NOT NULL,
	"created_by" varchar(255),
	"created_at" timestamp with time zone NOT NULL,
	"scene_count" integer NOT NULL,
	"total_duration" integer NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "storyboards_archive" (
	"id" integer PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"title" varchar(255) NOT NULL,
	"brief" text NOT NULL,
	"reference_urls" jsonb,
	"total_scenes" integer NOT NULL,
	"total_duration" integer NOT NULL,
	"pattern_source" varchar(255),
	"status" varchar(20) NOT NULL,
	"error_message" text,
	"generation_options" jsonb,
	"aspect_ratio" varchar(5) NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"is_main" boolean NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "storyboards_archive_id_user_id_unique" UNIQUE("id","user_id")
);
--> statement-breakpoint
ALTER TABLE "projects_archive" ADD CONSTRAINT "projects_archive_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scene_images_archive" ADD CONSTRAINT "scene_images_archive_scene_owner_fk" FOREIGN KEY ("scene_id","user_id") REFERENCES "public"."scenes_archive"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scene_tasks_archive" ADD CONSTRAINT "scene_tasks_archive_scene_owner_fk" FOREIGN KEY ("scene_id","user_id") REFERENCES "public"."scenes_archive"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenes_archive" ADD CONSTRAINT "scenes_archive_storyboard_owner_fk" FOREIGN KEY ("storyboard_id","user_id") REFERENCES "public"."storyboards_archive"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links_archive" ADD CONSTRAINT "share_links_archive_storyboard_owner_fk" FOREIGN KEY ("storyboard_id","user_id") REFERENCES "public"."storyboards_archive"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storyboard_snapshots_archive" ADD CONSTRAINT "storyboard_snapshots_archive_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storyboard_snapshots_archive" ADD CONSTRAINT "storyboard_snapshots_archive_storyboard_owner_fk" FOREIGN KEY ("storyboard_id","user_id") REFERENCES "public"."storyboards_archive"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storyboards_archive" ADD CONSTRAINT "storyboards_archive_project_owner_fk" FOREIGN KEY ("project_id","user_id") REFERENCES "public"."projects_archive"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_projects_archive_user_id" ON "projects_archive" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_scene_tasks_archive_scene_id" ON "scene_tasks_archive" USING btree ("scene_id");--> statement-breakpoint
CREATE INDEX "idx_scenes_archive_storyboard_id" ON "scenes_archive" USING btree ("storyboard_id");--> statement-breakpoint
CREATE INDEX "idx_share_links_archive_storyboard_id" ON "share_links_archive" USING btree ("storyboard_id");--> statement-breakpoint
CREATE INDEX "idx_storyboard_snapshots_archive_storyboard_id" ON "storyboard_snapshots_archive" USING btree ("storyboard_id");--> statement-breakpoint
CREATE INDEX "idx_storyboards_archive_project_id" ON "storyboards_archive" USING btree ("project_id");