// Preloaded into the server (NODE_OPTIONS=--import, since --cpu-prof may not go there) when the
// benchmark profiles the HTTP level: samples the CPU from start-up and writes a .cpuprofile into
// BENCH_CPU_PROFILE_DIR when the process receives SIGUSR2.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 200 }, () => session.post("Profiler.start")));
  process.on("SIGUSR2", () => {
    session.post("Profiler.stop", (err, result) => {
      if (!err) fs.writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
