// Server start-up: validate settings, open the database, recover interrupted jobs.
import { ConfigError } from "../db/config";
import { recoverInterruptedGenerations } from "../features/storyboards/recover-interrupted-generations";
import { appEnv } from "./env";
import { services } from "./services";

export async function boot(): Promise<void> {
  try {
    appEnv();
    const { store } = await services();
    console.log(`[storyboard] database: ${store.dialect}`);
  } catch (e) {
    const message = e instanceof ConfigError ? e.message : `start-up failed: ${(e as Error).message}`;
    console.error(`\n[storyboard] ${message}\n`);
    process.exit(1);
  }
  const sweep = () =>
    recoverInterruptedGenerations()
      .then((n) => n > 0 && console.log(`[storyboard] marked ${n} interrupted generation(s) as failed`))
      .catch((e: unknown) => console.error("[storyboard] recovery sweep failed:", e));
  await sweep();
  setInterval(() => void sweep(), 30_000).unref();
}
