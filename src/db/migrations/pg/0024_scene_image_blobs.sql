-- Undoable scene pictures (issue 14): every picture a scene has had, stored once per owner and
-- content hash, so that the undo stack and named versions can name a picture by its SHA-256 and
-- an undo, a redo or a restore copy it back. Edited from drizzle-kit's output as 0021 was: the
-- foreign key inside CREATE TABLE, row level security here. The pictures already stored get their
-- hash and their copy (a table of pictures, one pass; the archive too, as the archive copies every
-- column of scene_images).
SET lock_timeout = '2s';
--> statement-breakpoint
SET statement_timeout = '600s';
--> statement-breakpoint
CREATE TABLE "scene_image_blobs" (
	"user_id" varchar(255) NOT NULL REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action,
	"sha256" varchar(64) NOT NULL,
	"content_type" varchar(20) NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scene_image_blobs_user_id_sha256_pk" PRIMARY KEY("user_id","sha256")
);
--> statement-breakpoint
CREATE INDEX "idx_scene_image_blobs_created_at" ON "scene_image_blobs" USING btree ("created_at");
--> statement-breakpoint
ALTER TABLE "scene_images" ADD COLUMN "sha256" varchar(64);
--> statement-breakpoint
ALTER TABLE "scene_images_archive" ADD COLUMN "sha256" varchar(64);
--> statement-breakpoint
UPDATE scene_images SET sha256 = encode(sha256(data), 'hex') WHERE sha256 IS NULL;
--> statement-breakpoint
UPDATE scene_images_archive SET sha256 = encode(sha256(data), 'hex') WHERE sha256 IS NULL;
--> statement-breakpoint
INSERT INTO scene_image_blobs (user_id, sha256, content_type, width, height, byte_size, data)
  SELECT user_id, sha256, content_type, width, height, byte_size, data FROM scene_images
  UNION ALL
  SELECT user_id, sha256, content_type, width, height, byte_size, data FROM scene_images_archive
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON scene_image_blobs TO storyboard_app;
--> statement-breakpoint
ALTER TABLE scene_image_blobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scene_image_blobs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scene_image_blobs_user_isolation ON scene_image_blobs FOR ALL TO storyboard_app
  USING (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')))
  WITH CHECK (user_id = (SELECT NULLIF(current_setting('app.current_user_id', true), '')));
--> statement-breakpoint
GRANT SELECT, DELETE ON scene_image_blobs TO storyboard_maintenance;
--> statement-breakpoint
CREATE POLICY scene_image_blobs_maintenance ON scene_image_blobs FOR ALL TO storyboard_maintenance USING (true) WITH CHECK (true);
