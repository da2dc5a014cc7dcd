import { describe, expect, it } from "vitest";
import { configureJobs } from "./catalog";
import { readJobSettings } from "./settings";

const purgeCron = (env: Record<string, string>) => configureJobs(readJobSettings(env)).find((j) => j.def.name === "purge-expired")!.cron;

describe("the purge-expired schedule", () => {
  it("runs hourly at :50 by default, on EXPIRED_PURGE_SCHEDULE when set, and can be turned off", () => {
    expect(purgeCron({})).toBe("50 * * * *");
    expect(purgeCron({ EXPIRED_PURGE_SCHEDULE: "5 * * * *" })).toBe("5 * * * *");
    expect(purgeCron({ EXPIRED_PURGE_SCHEDULE: "off" })).toBeNull();
    expect(() => purgeCron({ EXPIRED_PURGE_SCHEDULE: "hourly" })).toThrow(/EXPIRED_PURGE_SCHEDULE/);
  });

  it("still reads IDEMPOTENCY_PURGE_SCHEDULE, the variable of the job it replaces, when the new one is unset", () => {
    expect(purgeCron({ IDEMPOTENCY_PURGE_SCHEDULE: "off" })).toBeNull();
    expect(purgeCron({ IDEMPOTENCY_PURGE_SCHEDULE: "off", EXPIRED_PURGE_SCHEDULE: "7 * * * *" })).toBe("7 * * * *");
    expect(configureJobs(readJobSettings({})).map((j) => j.def.name)).not.toContain("purge-idempotency-keys");
  });
});
