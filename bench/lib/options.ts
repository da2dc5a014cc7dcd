// Command-line values shared by bench/run.ts and bench/load-data.ts.
export const SCALES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000 };

/** --users N or --scale 1k|10k|100k (default 1k). */
export function parseUsers(values: { users?: string | undefined; scale?: string | undefined }): number {
  if (values.users !== undefined && values.scale !== undefined) throw new Error("give --users or --scale, not both");
  if (values.scale !== undefined) {
    const n = SCALES[values.scale.toLowerCase()];
    if (!n) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}, got "${values.scale}"`);
    return n;
  }
  if (values.users === undefined) return SCALES["1k"]!;
  const n = Number(values.users);
  if (!Number.isInteger(n) || n < 10 || n > 10_000_000) throw new Error(`--users must be a whole number from 10 to 10000000, got "${values.users}"`);
  return n;
}

/** 1000 → "1k", 100000 → "100k", 2500 → "2500". */
export const scaleLabel = (users: number) => (users % 1000 === 0 ? `${users / 1000}k` : String(users));
