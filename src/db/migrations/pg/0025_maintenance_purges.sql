-- The hourly purge-expired job (src/db/store/purge.ts) runs as the maintenance role (0012): it
-- deletes Auth.js sessions and verification tokens past their expiry. Those tables have no row
-- level security (Auth.js reads them before a user is known): a grant is all the role needs.
SET lock_timeout = '2s';
--> statement-breakpoint
GRANT SELECT, DELETE ON sessions, verification_tokens TO storyboard_maintenance;
