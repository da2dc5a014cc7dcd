// The store's one implementation, written once over a Driver and composed of one module per
// aggregate (users, projects, storyboards, scenes, tasks, scene images, shares, review, maintenance, purge, audit)
// that share a context
// (context.ts). Each dialect supplies only its connection, transaction and error handling
// (pg.ts, sqlite.ts); the hot reads are shared SQL (hot-sql.ts). Ownership is checked in every
// statement's WHERE clause, and on PostgreSQL row level security checks it again underneath.
import { archiveStore } from "./archive";
import { auditStore } from "./audit";
import { DEFAULT_SHARD_COUNT } from "../shard";
import { createContext } from "./context";
import type { Driver } from "./driver";
import { historyStore } from "./history";
import { idempotencyStore } from "./idempotency";
import { maintenanceStore } from "./maintenance";
import { projectsStore } from "./projects";
import { purgeStore } from "./purge";
import { reviewStore } from "./review";
import { sceneImagesStore } from "./scene-images";
import { scenesStore } from "./scenes";
import { sharesStore } from "./shares";
import { statsStore } from "./stats";
import { storyboardsStore } from "./storyboards";
import { tasksStore } from "./tasks";
import type { Store } from "./types";
import { usersStore } from "./users";

export function createStore(driver: Driver, opts: { shardCount?: number } = {}): Store {
  const ctx = createContext(driver, opts.shardCount ?? DEFAULT_SHARD_COUNT);
  return {
    dialect: driver.dialect,
    ...usersStore(ctx),
    ...projectsStore(ctx),
    ...storyboardsStore(ctx),
    ...scenesStore(ctx),
    ...tasksStore(ctx),
    ...sceneImagesStore(ctx),
    ...sharesStore(ctx),
    ...maintenanceStore(ctx),
    ...auditStore(ctx),
    ...statsStore(ctx),
    ...reviewStore(ctx),
    ...archiveStore(ctx),
    ...idempotencyStore(ctx),
    ...historyStore(ctx),
    ...purgeStore(ctx),
    ping: () => driver.ping(),
    close: () => driver.close(),
  };
}
