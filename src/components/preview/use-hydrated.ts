"use client";
// True once the page runs in the browser (false in the server render and during hydration):
// what tests and client-only values wait for.
import { useSyncExternalStore } from "react";

const noop = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}

/** A value from localStorage that re-renders its readers when written through `write`. */
export function useStoredValue(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(
    (onChange) => {
      const handler = (e: Event) => {
        if (!(e instanceof StorageEvent) || e.key === key) onChange();
      };
      window.addEventListener("storage", handler);
      window.addEventListener(`local:${key}`, handler);
      return () => {
        window.removeEventListener("storage", handler);
        window.removeEventListener(`local:${key}`, handler);
      };
    },
    () => window.localStorage.getItem(key),
    () => null,
  );
  const write = (v: string) => {
    try {
      window.localStorage.setItem(key, v);
    } catch {
      /* storage blocked: the value lasts until the page closes */
    }
    window.dispatchEvent(new Event(`local:${key}`));
  };
  return [value, write];
}
