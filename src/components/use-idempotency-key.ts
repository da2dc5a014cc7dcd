"use client";
// The Idempotency-Key of a form or button: made once when it renders and sent with every submit,
// so a double click or a resubmit is done once (src/server/idempotency.ts). After a success that
// leaves the form on screen (a comment, a share link, a page that stays mounted on navigation),
// `renew` makes the next submit a new request. getRandomValues, not randomUUID: it also works on
// a page served over plain http.
import { useCallback, useState } from "react";

export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function useIdempotencyKey(): [key: string, renew: () => void] {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return [key, renew];
}
