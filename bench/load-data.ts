// Loads the benchmark data set and keeps it, for `npm run bench -- --keep` or for poking at it:
//   npx tsx bench/load-data.ts --users 100000 [--dialect postgres|sqlite]
// (--scale 1k|10k|100k works too). It always loads fresh: an existing bench_<users> is replaced.
import { parseArgs } from "node:util";
import { describeLoad, formatBytes } from "./generate";
import { openBenchDatabase } from "./lib/database";
import { parseUsers } from "./lib/options";

const { values } = parseArgs({ options: { users: { type: "string" }, scale: { type: "string" }, dialect: { type: "string", default: "postgres" } } });
const users = parseUsers(values);
if (values.dialect !== "postgres" && values.dialect !== "sqlite") throw new Error(`--dialect must be postgres or sqlite, got "${values.dialect}"`);
const db = await openBenchDatabase(values.dialect, users, { reuse: false, keepAfter: true, log: console.log });
console.log(`loaded ${describeLoad(db.load!)} in ${db.load!.seconds.toFixed(1)} s; database size ${formatBytes(db.load!.bytes)}; kept at ${db.ownerUrl}`);
await db.close();
