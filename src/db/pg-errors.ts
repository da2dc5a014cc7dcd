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

/**
 * 40001 serialization_failure or 40P01 deadlock_detected: the transaction was rolled back whole
 * and running it again is safe. Looked for along the whole cause chain (an AppError wrapping the
 * driver's error carries a code of its own).
 */
export function isTransactionConflict(e: unknown): boolean {
  for (let cur = e, i = 0; cur instanceof Error && i < 6; cur = (cur as Error).cause, i++) {
    const code = (cur as { code?: unknown }).code;
    if (code === "40001" || code === "40P01") return true;
  }
  return false;
}

/** 23514: a row violates a CHECK constraint (VALIDATE CONSTRAINT found one). */
export const isCheckViolation = (e: unknown) => pgErrorCode(e) === "23514";

/**
 * SQLSTATEs and socket errors of a connection that is gone (or could not be had), not of a
 * statement that failed: 57P01-57P03 (the backend was terminated, the server is shutting down or
 * starting), class 08 (connection exception), 53300 (too many connections), and the node-postgres
 * messages for a socket that closed or a pool that timed out handing out a connection.
 */
const LOST_CODES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006", "ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const LOST_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|terminating connection due to administrator command|the database system is (shutting down|starting up)/i;

/** True when `e` (or an error in its cause chain) says the connection was lost, not the statement refused. */
export function isConnectionLost(e: unknown): boolean {
  for (let cur = e, i = 0; cur instanceof Error && i < 6; cur = (cur as Error).cause, i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && LOST_CODES.has(code)) return true;
    if (LOST_MESSAGES.test(cur.message)) return true;
  }
  return false;
}

/**
 * Runs a read, and once more on a fresh connection when the first attempt lost its connection (a
 * read changes nothing, so a second try is always safe). Writes never come through here.
 */
export async function retryReadOnce<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (!isConnectionLost(e)) throw e;
    return read();
  }
}
