"use client";
// The Idempotency-Key of a form: made once when the form renders and sent with every submit, so a
// double click or a resubmit is done once (src/server/idempotency.ts). getRandomValues, not
// randomUUID: it also works on a page served over plain http.
import { useState } from "react";

export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function useIdempotencyKey(): string {
  const [key] = useState(newIdempotencyKey);
  return key;
}
