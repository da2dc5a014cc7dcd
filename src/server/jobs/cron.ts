// Cron expressions (five fields, UTC), read with cron-parser, the parser pg-boss uses itself.
import cronParser from "cron-parser";

export function assertCron(expr: string): void {
  cronParser.parseExpression(expr, { tz: "UTC" });
}

export const nextRun = (expr: string, after = new Date()): Date => cronParser.parseExpression(expr, { tz: "UTC", currentDate: after }).next().toDate();

/** The latest slot at or before `now`. */
export const lastSlot = (expr: string, now = new Date()): Date =>
  cronParser.parseExpression(expr, { tz: "UTC", currentDate: new Date(now.getTime() + 1) }).prev().toDate();
