-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- Exception (docs/operations.md, "Safe migrations"): written before squawk ran in lint. It creates
-- every table it touches, so no lock can wait on a user's query; the migrator's own lock_timeout
-- bounds it anyway.
CREATE TABLE "accounts" (
	"user_id" varchar(255) NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"title" varchar(255) NOT NULL,
	"description" text,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_status_check" CHECK ("projects"."status" IN ('draft', 'active', 'completed', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "scene_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"scene_id" integer NOT NULL,
	"task_type" varchar(30) NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scene_tasks_scene_id_task_type_unique" UNIQUE("scene_id","task_type"),
	CONSTRAINT "scene_tasks_task_type_check" CHECK ("scene_tasks"."task_type" IN ('script_written', 'scene_filmed', 'audio_recorded', 'edited'))
);
--> statement-breakpoint
CREATE TABLE "scenes" (
	"id" serial PRIMARY KEY NOT NULL,
	"storyboard_id" integer NOT NULL,
	"scene_number" integer NOT NULL,
	"duration" integer DEFAULT 0 NOT NULL,
	"scene_type" varchar(20) DEFAULT 'content' NOT NULL,
	"visual_description" text NOT NULL,
	"script" text,
	"text_overlay" varchar(500),
	"camera_angle" varchar(100),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scenes_storyboard_id_scene_number_unique" UNIQUE("storyboard_id","scene_number"),
	CONSTRAINT "scenes_scene_type_check" CHECK ("scenes"."scene_type" IN ('hook', 'content', 'cta', 'transition'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" varchar(255) NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "storyboards" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"title" varchar(255) NOT NULL,
	"brief" text NOT NULL,
	"reference_urls" jsonb,
	"total_scenes" integer DEFAULT 0 NOT NULL,
	"total_duration" integer DEFAULT 0 NOT NULL,
	"pattern_source" varchar(255),
	"status" varchar(20) DEFAULT 'generating' NOT NULL,
	"error_message" text,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "storyboards_status_check" CHECK ("storyboards"."status" IN ('generating', 'completed', 'error'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" varchar(255) PRIMARY KEY NOT NULL,
	"email" varchar(255) NOT NULL,
	"name" varchar(255),
	"image" text,
	"email_verified" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scene_tasks" ADD CONSTRAINT "scene_tasks_scene_id_scenes_id_fk" FOREIGN KEY ("scene_id") REFERENCES "public"."scenes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "scenes_storyboard_id_storyboards_id_fk" FOREIGN KEY ("storyboard_id") REFERENCES "public"."storyboards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storyboards" ADD CONSTRAINT "storyboards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_accounts_user_id" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_projects_user_id" ON "projects" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_projects_status" ON "projects" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_projects_updated_at" ON "projects" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "idx_projects_user_status" ON "projects" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "idx_scene_tasks_scene_id" ON "scene_tasks" USING btree ("scene_id");--> statement-breakpoint
CREATE INDEX "idx_scene_tasks_completed" ON "scene_tasks" USING btree ("completed");--> statement-breakpoint
CREATE INDEX "idx_scene_tasks_type" ON "scene_tasks" USING btree ("task_type");--> statement-breakpoint
CREATE INDEX "idx_scenes_storyboard_id" ON "scenes" USING btree ("storyboard_id");--> statement-breakpoint
CREATE INDEX "idx_scenes_type" ON "scenes" USING btree ("scene_type");--> statement-breakpoint
CREATE INDEX "idx_scenes_storyboard_scene_number" ON "scenes" USING btree ("storyboard_id","scene_number");--> statement-breakpoint
CREATE INDEX "idx_sessions_user_id" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_storyboards_project_id" ON "storyboards" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "idx_storyboards_status" ON "storyboards" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_storyboards_generated_at" ON "storyboards" USING btree ("generated_at");--> statement-breakpoint
CREATE INDEX "idx_storyboards_reference_urls" ON "storyboards" USING gin ("reference_urls");--> statement-breakpoint
CREATE INDEX "idx_users_email" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "idx_users_created_at" ON "users" USING btree ("created_at");