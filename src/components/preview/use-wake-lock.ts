"use client";
// Keeps the phone's screen on while shoot mode is open (Screen Wake Lock API). The browser drops
// the lock when the page is hidden, so it is taken again each time the page comes back.
import { useEffect, useState, useSyncExternalStore } from "react";

const noop = () => () => undefined;

export type WakeLockState = "pending" | "on" | "unsupported" | "denied";

export function useWakeLock(): WakeLockState {
  const [state, setState] = useState<WakeLockState>("pending");
  const supported = useSyncExternalStore(noop, () => "wakeLock" in navigator, () => true);
  useEffect(() => {
    if (!supported) return;
    let lock: WakeLockSentinel | null = null;
    let closed = false;
    const take = async () => {
      if (document.visibilityState !== "visible" || (lock && !lock.released)) return;
      try {
        lock = await navigator.wakeLock.request("screen");
        if (closed) {
          await lock.release();
          return;
        }
        setState("on");
        lock.addEventListener("release", () => {
          if (!closed) setState("pending");
        });
      } catch {
        // Refused (battery saver, no user gesture yet, a permissions policy): the screen may sleep.
        if (!closed) setState("denied");
      }
    };
    const onVisible = () => void take();
    document.addEventListener("visibilitychange", onVisible);
    // Some browsers only grant the lock after a user gesture: try again on the first tap.
    document.addEventListener("pointerdown", onVisible, { once: true });
    void take();
    return () => {
      closed = true;
      document.removeEventListener("visibilitychange", onVisible);
      document.removeEventListener("pointerdown", onVisible);
      void lock?.release().catch(() => undefined);
    };
  }, [supported]);
  return supported ? state : "unsupported";
}
