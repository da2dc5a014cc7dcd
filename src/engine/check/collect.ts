// The shape every check function shares: a list of results, and a scene's number for a message.
import type { Check, SceneLike } from "../types";

export function collector(scenes: readonly SceneLike[]) {
  const out: Check[] = [];
  const add = (id: string, ok: boolean, severity: Check["severity"], message: string, scene_number?: number) => {
    const c: Check = { id, ok, severity, message };
    if (scene_number !== undefined) c.scene_number = scene_number;
    out.push(c);
  };
  const sceneNo = (i: number) => {
    const v = scenes[i]?.scene_number;
    const n = typeof v === "number" ? v : typeof v === "string" && String(v).trim() !== "" ? Number(v) : NaN;
    return Number.isInteger(n) ? n : i + 1;
  };
  return { out, add, sceneNo };
}
