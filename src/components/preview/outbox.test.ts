import { describe, expect, it } from "vitest";
import { outboxKey, queueTick, readOutbox, settleTick, writeOutbox, type KeyValueStorage } from "./outbox";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe("shoot mode outbox", () => {
  it("keeps the newest tick per task and survives a reload through storage", () => {
    const s = memoryStorage();
    const key = outboxKey(7);
    let list = queueTick([], { task_id: 1, completed: true, at: 10 });
    list = queueTick(list, { task_id: 2, completed: true, at: 11 });
    list = queueTick(list, { task_id: 1, completed: false, at: 12 });
    expect(list).toEqual([{ task_id: 2, completed: true, at: 11 }, { task_id: 1, completed: false, at: 12 }]);
    writeOutbox(s, key, list);
    expect(readOutbox(s, key)).toEqual(list);
  });

  it("settles only the tick that was sent, not a newer one of the same task", () => {
    const sent = { task_id: 1, completed: true, at: 10 };
    const newer = { task_id: 1, completed: false, at: 20 };
    expect(settleTick([newer], sent)).toEqual([newer]);
    expect(settleTick([sent], sent)).toEqual([]);
  });

  it("reads garbage as an empty queue and removes the key when empty", () => {
    const s = memoryStorage();
    s.setItem("k", "{not json");
    expect(readOutbox(s, "k")).toEqual([]);
    s.setItem("k", JSON.stringify([{ task_id: "x" }, { task_id: 3, completed: true, at: 1 }]));
    expect(readOutbox(s, "k")).toEqual([{ task_id: 3, completed: true, at: 1 }]);
    writeOutbox(s, "k", []);
    expect(s.data.has("k")).toBe(false);
    expect(readOutbox(null, "k")).toEqual([]);
  });
});
