// Retention (BACKUP_KEEP): the newest complete backups stay, older ones go with their manifests.
// Only files named like our backups are touched; a backup without a manifest (one still being
// written, or one that failed) is neither counted nor deleted.
import fs from "node:fs";
import path from "node:path";
import { BACKUP_NAME, manifestPathOf } from "./manifest";

export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f) && fs.existsSync(path.join(dir, manifestPathOf(f))))
    .sort((a, b) => sortKey(b).localeCompare(sortKey(a)))
    .map((f) => path.join(dir, f));
}

const sortKey = (f: string) => {
  const m = BACKUP_NAME.exec(f)!;
  return `${m[1]}${m[2]}${(m[3] ?? "0").padStart(6, "0")}`;
};

/** Deletes all but the newest `keep` backups; returns the deleted backup files. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const file of old) {
    fs.rmSync(manifestPathOf(file), { force: true });
    fs.rmSync(file, { force: true });
  }
  return old;
}
