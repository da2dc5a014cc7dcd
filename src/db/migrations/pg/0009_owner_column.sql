-- squawk-ignore-file adding-not-nullable-field, constraint-missing-not-valid, adding-foreign-key-constraint, disallowed-unique-constraint
-- The owner column: every table below projects (storyboards, scenes, scene_tasks,
-- storyboard_snapshots, scene_images, share_links) carries the user_id of its project, so that a
-- row level security policy is one comparison instead of a walk up the parent chain, the store
-- can filter every statement by its user, and a user-sharded deployment has its distribution
-- column (docs/scaling.md). The composite foreign keys (parent_id, user_id) -> parent(id, user_id)
-- keep it equal to the parent's for every write, even one that bypasses the store; ON UPDATE
-- CASCADE carries a change of a project's owner down.
-- Exception (docs/operations.md, "Safe migrations"): existing rows are backfilled here, top-down,
-- before the column becomes NOT NULL, and the keys are validated in the same transaction (the
-- migrator's one transaction would hold NOT VALID + VALIDATE's locks to the end anyway). The
-- measured cost, and the batched backfill to run ahead of a deploy on a large database (this file
-- then only fills the rows written since), are in docs/operations.md.
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '60s';
--> statement-breakpoint
-- The backfill runs as the owner, which FORCE ROW LEVEL SECURITY also binds (with no policy for
-- it): the force is lifted for this transaction only, as in 0005. It is not a change anyone made,
-- so the audit triggers (0008) are off for it too: each table is locked (ACCESS EXCLUSIVE) by its
-- first ALTER TABLE here until the commit, so no other write can go unaudited meanwhile.
ALTER TABLE "storyboards" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "scenes" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "scene_tasks" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "storyboard_snapshots" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "scene_images" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "share_links" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "storyboards" DISABLE TRIGGER audit_storyboards_update;
--> statement-breakpoint
ALTER TABLE "scenes" DISABLE TRIGGER audit_scenes_update;
--> statement-breakpoint
ALTER TABLE "scene_tasks" DISABLE TRIGGER audit_scene_tasks_update;
--> statement-breakpoint
ALTER TABLE "storyboards" ADD COLUMN IF NOT EXISTS "user_id" varchar(255);
--> statement-breakpoint
UPDATE "storyboards" s SET "user_id" = p."user_id" FROM "projects" p WHERE p."id" = s."project_id" AND s."user_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "storyboards" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "scenes" ADD COLUMN IF NOT EXISTS "user_id" varchar(255);
--> statement-breakpoint
UPDATE "scenes" sc SET "user_id" = s."user_id" FROM "storyboards" s WHERE s."id" = sc."storyboard_id" AND sc."user_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "scenes" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "scene_tasks" ADD COLUMN IF NOT EXISTS "user_id" varchar(255);
--> statement-breakpoint
UPDATE "scene_tasks" t SET "user_id" = sc."user_id" FROM "scenes" sc WHERE sc."id" = t."scene_id" AND t."user_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "scene_tasks" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "storyboard_snapshots" ADD COLUMN IF NOT EXISTS "user_id" varchar(255);
--> statement-breakpoint
UPDATE "storyboard_snapshots" v SET "user_id" = s."user_id" FROM "storyboards" s WHERE s."id" = v."storyboard_id" AND v."user_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "storyboard_snapshots" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "scene_images" ADD COLUMN IF NOT EXISTS "user_id" varchar(255);
--> statement-breakpoint
UPDATE "scene_images" i SET "user_id" = sc."user_id" FROM "scenes" sc WHERE sc."id" = i."scene_id" AND i."user_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "scene_images" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "share_links" ADD COLUMN IF NOT EXISTS "user_id" varchar(255);
--> statement-breakpoint
UPDATE "share_links" l SET "user_id" = s."user_id" FROM "storyboards" s WHERE s."id" = l."storyboard_id" AND l."user_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "share_links" ALTER COLUMN "user_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "storyboards" ENABLE TRIGGER audit_storyboards_update;
--> statement-breakpoint
ALTER TABLE "scenes" ENABLE TRIGGER audit_scenes_update;
--> statement-breakpoint
ALTER TABLE "scene_tasks" ENABLE TRIGGER audit_scene_tasks_update;
--> statement-breakpoint
ALTER TABLE "storyboards" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "scenes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "scene_tasks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "storyboard_snapshots" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "scene_images" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "share_links" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_id_user_id_unique" UNIQUE("id","user_id");
--> statement-breakpoint
ALTER TABLE "storyboards" ADD CONSTRAINT "storyboards_id_user_id_unique" UNIQUE("id","user_id");
--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "scenes_id_user_id_unique" UNIQUE("id","user_id");
--> statement-breakpoint
ALTER TABLE "storyboards" ADD CONSTRAINT "storyboards_project_owner_fk" FOREIGN KEY ("project_id","user_id") REFERENCES "public"."projects"("id","user_id") ON DELETE cascade ON UPDATE cascade;
--> statement-breakpoint
ALTER TABLE "scenes" ADD CONSTRAINT "scenes_storyboard_owner_fk" FOREIGN KEY ("storyboard_id","user_id") REFERENCES "public"."storyboards"("id","user_id") ON DELETE cascade ON UPDATE cascade;
--> statement-breakpoint
ALTER TABLE "scene_tasks" ADD CONSTRAINT "scene_tasks_scene_owner_fk" FOREIGN KEY ("scene_id","user_id") REFERENCES "public"."scenes"("id","user_id") ON DELETE cascade ON UPDATE cascade;
--> statement-breakpoint
ALTER TABLE "storyboard_snapshots" ADD CONSTRAINT "storyboard_snapshots_storyboard_owner_fk" FOREIGN KEY ("storyboard_id","user_id") REFERENCES "public"."storyboards"("id","user_id") ON DELETE cascade ON UPDATE cascade;
--> statement-breakpoint
ALTER TABLE "scene_images" ADD CONSTRAINT "scene_images_scene_owner_fk" FOREIGN KEY ("scene_id","user_id") REFERENCES "public"."scenes"("id","user_id") ON DELETE cascade ON UPDATE cascade;
--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_storyboard_owner_fk" FOREIGN KEY ("storyboard_id","user_id") REFERENCES "public"."storyboards"("id","user_id") ON DELETE cascade ON UPDATE cascade;
--> statement-breakpoint
-- The single-column foreign keys are implied by the composite ones (same parent row).
ALTER TABLE "storyboards" DROP CONSTRAINT "storyboards_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "scenes" DROP CONSTRAINT "scenes_storyboard_id_storyboards_id_fk";
--> statement-breakpoint
ALTER TABLE "scene_tasks" DROP CONSTRAINT "scene_tasks_scene_id_scenes_id_fk";
--> statement-breakpoint
ALTER TABLE "storyboard_snapshots" DROP CONSTRAINT "storyboard_snapshots_storyboard_id_storyboards_id_fk";
--> statement-breakpoint
ALTER TABLE "scene_images" DROP CONSTRAINT "scene_images_scene_id_scenes_id_fk";
--> statement-breakpoint
ALTER TABLE "share_links" DROP CONSTRAINT "share_links_storyboard_id_storyboards_id_fk";
