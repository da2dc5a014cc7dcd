// PostgreSQL error codes the migration and operations code reacts to (drizzle wraps the
// driver's error, so the code is looked for along the cause chain).
export function pgErrorCode(e: unknown): string | undefined {
  for (let cur = e, i = 0; cur instanceof Error && i < 5; cur = (cur as Error).cause, i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** 55P03 lock_not_available (lock_timeout fired) or 40P01 deadlock_detected: worth a retry. */
export const isLockTimeout = (e: unknown) => ["55P03", "40P01"].includes(pgErrorCode(e) ?? "");

/** 23514: a row violates a CHECK constraint (VALIDATE CONSTRAINT found one). */
export const isCheckViolation = (e: unknown) => pgErrorCode(e) === "23514";
