"use client";
// While a storyboard is being generated, re-renders the server page about every 1.2 s so the
// status, and then the scenes, appear without a reload. Stops once nothing is generating.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function GenerationPoller({ active, intervalMs = 1200 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
