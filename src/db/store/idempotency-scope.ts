// The work of a request sent with an Idempotency-Key (src/server/idempotency.ts). Each write
// transaction the store makes for that user inside the scope also marks the key applied
// (response_status APPLIED) before it commits, in the same transaction: after a crash between the
// commit and the saving of the answer, a repeat knows the work was done and does not do it again.
import { AsyncLocalStorage } from "node:async_hooks";

export interface IdempotencyScope {
  userId: string;
  route: string;
  key: string;
}

/** response_status of a key whose work committed and whose answer is not saved yet (no HTTP status is 0). */
export const APPLIED = 0;

const scope = new AsyncLocalStorage<IdempotencyScope>();

export const inIdempotencyScope = <T>(s: IdempotencyScope, fn: () => Promise<T>): Promise<T> => scope.run(s, fn);

export const currentIdempotencyScope = (): IdempotencyScope | undefined => scope.getStore();
