// Runs once when the server starts: opens and migrates the database (a bad setting stops the
// start with one clear line) and starts the sweep that fails generations cut off by a restart.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./server/boot");
  await boot();
}
