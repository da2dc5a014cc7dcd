// Reads a V8 .cpuprofile (node --cpu-prof) into the two views that explain a cost: the functions
// with the most self time, and the app's own functions (src/) with their inclusive time.
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const where = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^file:\/\//, "").replace(/.*node_modules\//, "");
  return `${n.callFrame.functionName || "(anonymous)"} ${url.replace(/.*\/(src|\.next[^/]*)\//, "$1/")}${url ? `:${n.callFrame.lineNumber + 1}` : ""}`;
};

export function summarizeProfile(file: string, top = 25): string {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const busy = profile.samples.filter((id) => !/^\((idle|program)\)$/.test(byId.get(id)!.callFrame.functionName)).length || 1;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, count] of hits) {
    const node = byId.get(id)!;
    if (/^\((idle|program)\)$/.test(node.callFrame.functionName)) continue;
    self.set(where(node), (self.get(where(node)) ?? 0) + count);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      // The app's code (in the server build its modules keep their src/ paths in the function names' files) and the libraries on its hot path.
      const key = /\/src\/|next-auth|@auth\/core|jose|drizzle-orm|\/pg\/|zod/.test(n.callFrame.url) ? where(n) : null;
      if (key && !seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + count);
      }
    }
  }
  const pct = (v: number) => `${((100 * v) / busy).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${pct(v)}  ${k}`)
      .join("\n");
  return `share of busy (non-idle) samples, ${busy} samples\n\nself time:\n${list(self)}\n\ninclusive, app and its libraries:\n${list(inclusive)}\n`;
}
