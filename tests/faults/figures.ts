// What the fault files share: the 99th percentile of latencies (ms, rounded; NaN for none) and a pause.
export const p99 = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!);
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
