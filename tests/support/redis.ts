// The tests' Redis (TEST_REDIS_URL, default DB 15 on this machine) and whether it answers: suites
// that need it skip their Redis half when it does not (CI always has one).
import net from "node:net";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/15";

export const redisAnswers = (url = TEST_REDIS_URL) =>
  new Promise<boolean>((resolve) => {
    const u = new URL(url);
    const s = net.connect(Number(u.port || 6379), u.hostname);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
