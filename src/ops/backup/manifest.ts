// The manifest written beside every backup (backup_YYYYMMDD_HHMMSS.manifest.json): what the
// backup holds, taken in the same snapshot as the backup itself, so a restore can prove it got
// exactly that (row counts and content checksums per table), plus what produced it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const tableFigures = z.object({ rows: z.number().int().nonnegative(), checksum: z.string() });

export const manifestSchema = z.object({
  format: z.literal("storyboard-backup/1"),
  dialect: z.enum(["postgres", "sqlite"]),
  /** The backup file's name, in the manifest's folder. */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  seconds: z.number().nonnegative(),
  app: z.object({ version: z.string(), commit: z.string().nullable() }),
  server: z.string(),
  /** pg_dump --compress level (PostgreSQL); null for SQLite. */
  compression: z.number().int().min(0).max(9).nullable(),
  /** The exported snapshot pg_dump read (PostgreSQL). */
  snapshot: z.string().nullable(),
  migration: z.object({
    applied: z.number().int().nonnegative(),
    /** The last applied migration's tag from the journal, when this code knows it. */
    last: z.string().nullable(),
    lastWhen: z.number().nullable(),
    onlineSteps: z.array(z.string()),
  }),
  /** Checksum algorithm: row text (canonical output settings) → md5 → first 64 bits, summed. */
  checksum: z.string(),
  tables: z.record(z.string(), tableFigures),
  roles: z.array(z.object({ name: z.string(), login: z.boolean(), inherit: z.boolean(), bypassRls: z.boolean(), memberOf: z.array(z.string()) })),
});

export class ManifestError extends Error {}

export type Manifest = z.infer<typeof manifestSchema>;
export type TablesFigures = Manifest["tables"];

export const BACKUP_NAME = /^backup_(\d{8})_(\d{6})(?:_(\d+))?\.(dump|db)$/;

export const manifestPathOf = (backupFile: string) => backupFile.replace(/\.(dump|db)$/, ".manifest.json");

/** backup_YYYYMMDD_HHMMSS (UTC). */
export function backupStem(at: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `backup_${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}_${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
}

export function readManifest(fileOrManifest: string): { manifest: Manifest; backupFile: string; manifestFile: string } {
  const manifestFile = fileOrManifest.endsWith(".manifest.json") ? fileOrManifest : manifestPathOf(fileOrManifest);
  if (!fs.existsSync(manifestFile)) throw new ManifestError(`no manifest beside the backup (${manifestFile}): a backup without one cannot be verified`);
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestFile, "utf8")));
  if (!parsed.success) throw new ManifestError(`${manifestFile} is not a backup manifest this version reads: ${z.prettifyError(parsed.error)}`);
  const manifest = parsed.data;
  return { manifest, manifestFile, backupFile: path.join(path.dirname(manifestFile), manifest.file) };
}

export function writeManifest(manifestFile: string, manifest: Manifest): void {
  const tmp = `${manifestFile}.partial`;
  fs.writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(tmp, manifestFile);
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    fs.createReadStream(file)
      .on("data", (d) => hash.update(d))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

export interface TableCheck {
  table: string;
  expected: { rows: number; checksum: string } | null;
  actual: { rows: number; checksum: string } | null;
  ok: boolean;
}

/** Table by table, what the manifest says against what the restored database holds. */
export function compareTables(expected: TablesFigures, actual: TablesFigures): TableCheck[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.map((table) => {
    const e = expected[table] ?? null;
    const a = actual[table] ?? null;
    return { table, expected: e, actual: a, ok: e !== null && a !== null && e.rows === a.rows && e.checksum === a.checksum };
  });
}

/** The tag of a migration from the journal's "when" (drizzle stores it as created_at). */
export function migrationTag(dialect: "postgres" | "sqlite", when: number | null): string | null {
  if (when === null) return null;
  const journal = path.join(process.cwd(), "src", "db", "migrations", dialect === "postgres" ? "pg" : "sqlite", "meta", "_journal.json");
  try {
    const entries = (JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: Array<{ when: number; tag: string }> }).entries;
    return entries.find((e) => e.when === when)?.tag ?? null;
  } catch {
    return null;
  }
}

/** The app's version (package.json) and commit (git, when the code runs from a checkout). */
export function appVersion(): { version: string; commit: string | null } {
  let version = "unknown";
  try {
    version = (JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    // not run from the app's folder
  }
  let commit: string | null = process.env.APP_COMMIT?.trim() || null;
  if (!commit) {
    try {
      commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
    } catch {
      commit = null;
    }
  }
  return { version, commit };
}
