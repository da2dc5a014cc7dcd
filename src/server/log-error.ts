// What an error log line may say: the error's classes and codes along its cause chain and where
// it was thrown, never its messages. Driver and drizzle messages carry the query's parameters
// (drizzle: "Failed query: … params: …") and PostgreSQL details quote the offending values, so
// a message can hold a user's title, brief or email; the request id links the log to the reply.

interface Link {
  name: string;
  code?: string;
  constraint?: string;
}

/** The cause chain as `Name[code]` links plus the first stack frames, with no message text. */
export function errorSummary(e: unknown): string {
  const links: Link[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 6 && cur !== undefined && cur !== null; i++) {
    if (!(cur instanceof Error)) {
      links.push({ name: typeof cur });
      break;
    }
    const r = cur as Error & { code?: unknown; constraint?: unknown };
    links.push({
      name: r.constructor?.name || r.name || "Error",
      ...(typeof r.code === "string" || typeof r.code === "number" ? { code: String(r.code) } : {}),
      ...(typeof r.constraint === "string" ? { constraint: r.constraint } : {}),
    });
    cur = r.cause;
  }
  const chain = links.map((l) => `${l.name}${l.code ? `[${l.code}]` : ""}${l.constraint ? `(${l.constraint})` : ""}`).join(" <- ");
  const frames = e instanceof Error && e.stack ? e.stack.split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 6).join("\n") : "";
  return frames ? `${chain}\n${frames}` : chain;
}

/** Logs an unexpected error under a tag and request id, without user content. */
export function logError(tag: string, requestId: string, e: unknown): void {
  console.error(`[${tag}] request ${requestId}: ${errorSummary(e)}`);
}
