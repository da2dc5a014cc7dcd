"use client";
// Sends shoot mode's ticks to the JSON API (PATCH /api/v1/tasks/:id), through the outbox: a
// tick is stored first, then sent; offline it waits, and it is sent when the browser says it is
// back online (and on the next visit, if the tab was closed meanwhile).
import { useCallback, useEffect, useRef, useState } from "react";
import { outboxKey, queueTick, readOutbox, settleTick, writeOutbox, type PendingTick } from "./outbox";

export type SyncStatus = "synced" | "sending" | "offline" | "signed-out" | "retrying";

const RETRY_MS = 10_000;

type SendResult = "sent" | "gone" | "offline" | "signed-out" | "failed";

async function send(tick: PendingTick): Promise<SendResult> {
  try {
    const r = await fetch(`/api/v1/tasks/${tick.task_id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ completed: tick.completed }),
      credentials: "same-origin",
    });
    if (r.ok) return "sent";
    // The scene was deleted meanwhile: nothing left to tick.
    if (r.status === 404) return "gone";
    if (r.status === 401) return "signed-out";
    return "failed";
  } catch {
    return "offline";
  }
}

const storage = () => (typeof window === "undefined" ? null : window.localStorage);

export function useTaskSync(storyboardId: number) {
  const key = outboxKey(storyboardId);
  const [pending, setPending] = useState<PendingTick[]>([]);
  const [status, setStatus] = useState<SyncStatus>("synced");
  const flushing = useRef(false);
  const again = useRef(false);
  const retry = useRef(0);

  const flush = useCallback(async () => {
    if (flushing.current) {
      again.current = true;
      return;
    }
    flushing.current = true;
    clearTimeout(retry.current);
    try {
      do {
        again.current = false;
        for (;;) {
          const list = readOutbox(storage(), key);
          setPending(list);
          const next = list[0];
          if (!next) {
            setStatus("synced");
            break;
          }
          if (!navigator.onLine) {
            setStatus("offline");
            return;
          }
          setStatus("sending");
          const result = await send(next);
          if (result === "sent" || result === "gone") {
            writeOutbox(storage(), key, settleTick(readOutbox(storage(), key), next));
            continue;
          }
          setStatus(result === "failed" ? "retrying" : result);
          if (result === "failed") retry.current = window.setTimeout(() => void flush(), RETRY_MS);
          return;
        }
      } while (again.current);
    } finally {
      flushing.current = false;
    }
  }, [key]);

  const tick = useCallback(
    (taskId: number, completed: boolean) => {
      const list = queueTick(readOutbox(storage(), key), { task_id: taskId, completed, at: Date.now() });
      writeOutbox(storage(), key, list);
      setPending(list);
      void flush();
    },
    [flush, key],
  );

  useEffect(() => {
    const online = () => void flush();
    const offline = () => setStatus("offline");
    const visible = () => {
      if (document.visibilityState === "visible") void flush();
    };
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    document.addEventListener("visibilitychange", visible);
    // Ticks left from an earlier visit go out now.
    void flush();
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      document.removeEventListener("visibilitychange", visible);
      clearTimeout(retry.current);
    };
  }, [flush]);

  return { pending, status, tick };
}
