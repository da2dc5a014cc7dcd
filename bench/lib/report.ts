// The results as JSON (every number) and as a markdown table (what README shows), with the
// issue's targets checked against them.
import type { Cell } from "./measure";
import { PATH_LABELS, PATHS, WRITE_PATHS, type PathId } from "./levels";

export type LevelId = "raw" | "store" | "http";
export const LEVEL_LABELS: Record<LevelId, string> = { raw: "raw SQL", store: "use-case", http: "HTTP" };

export interface ResultCell extends Cell {
  path: PathId | "trivial";
  level: LevelId;
  clients: number;
}

export interface Target {
  target: string;
  value: number | null;
  comparator: "≥" | "≤" | "<";
  limit: number;
  unit: "ratio" | "ms" | "MB" | "times";
  met: boolean | null;
  note?: string;
}

function target(name: string, value: number | undefined, comparator: Target["comparator"], limit: number, unit: Target["unit"], note?: string): Target {
  const met = value === undefined || Number.isNaN(value) ? null : comparator === "≥" ? value >= limit : comparator === "≤" ? value <= limit : value < limit;
  return { target: name, value: value ?? null, comparator, limit, unit, met, ...(note !== undefined && { note }) };
}

const formatIn = (unit: Target["unit"], v: number) => (unit === "ratio" ? `${Math.round(v * 100)}%` : unit === "times" ? `${v.toFixed(2)}×` : unit === "ms" ? `${v.toFixed(2)} ms` : `${v.toFixed(0)} MB`);

export interface Results {
  meta: {
    date: string;
    dialect: "postgres" | "sqlite";
    users: number;
    scale: string;
    secondsPerCell: number;
    warmupSecondsPerCell: number;
    clients: number[];
    levels: LevelId[];
    paths: PathId[];
    machine: { cpu: string; cores: number; memoryGb: number; kernel: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
    versions: Record<string, string>;
    data: { counts: Record<string, number>; bytes: number; loadSeconds: number | null; reused: boolean };
    http?: { signedInUsers: number; peakRssMb: number; serverHwmMb: number; generate: Array<{ clients: number; accepted: number; drainSeconds: number }> };
    notes: string[];
  };
  cells: ResultCell[];
  targets: Target[];
}

const f = (v: number | undefined, digits = 2) => (v === undefined || Number.isNaN(v) ? "–" : v >= 100 ? v.toFixed(0) : v.toFixed(digits));
const ratio = (a: ResultCell | undefined, b: ResultCell | undefined) => (a && b && b.throughput > 0 ? a.throughput / b.throughput : undefined);

export function findCell(r: Pick<Results, "cells">, path: PathId | "trivial", level: LevelId, clients: number) {
  return r.cells.find((c) => c.path === path && c.level === level && c.clients === clients);
}

/** Checks the issue's targets (they are stated for PostgreSQL at 100K users; other runs are indicative). */
export function checkTargets(r: Results, baseline: Results | null): Target[] {
  const out: Target[] = [];
  const top = Math.max(...r.meta.clients);
  const reads = r.meta.paths.filter((p) => !WRITE_PATHS.has(p));
  // Issue 11: at least 60% of raw SQL on every read path, 50% on every write path.
  for (const p of r.meta.paths) {
    const v = ratio(findCell(r, p, "store", top), findCell(r, p, "raw", top));
    const min = WRITE_PATHS.has(p) ? 0.5 : 0.6;
    out.push(target(`${PATH_LABELS[p]}: use-case / raw SQL throughput at ${top} clients`, v, "≥", min, "ratio"));
  }
  // Every read path over HTTP (cache off) at least 70% of the trivial route's throughput, and a
  // p99 at most 1.5× the trivial route's.
  const trivial = findCell(r, "trivial", "http", top);
  if (r.meta.levels.includes("http")) {
    for (const p of reads) {
      const cell = findCell(r, p, "http", top);
      out.push(target(`HTTP ${PATH_LABELS[p]} / trivial route throughput at ${top} connections`, ratio(cell, trivial), "≥", 0.7, "ratio"));
      out.push(
        target(
          `HTTP ${PATH_LABELS[p]} p99 / trivial route p99 at ${top} connections`,
          cell && trivial ? cell.p99 / trivial.p99 : undefined,
          "≤",
          1.5,
          "times",
          cell && trivial ? `${f(cell.p99)} ms vs ${f(trivial.p99)} ms` : undefined,
        ),
      );
    }
  }
  if (r.meta.http) out.push(target("server peak resident memory during the HTTP runs", r.meta.http.peakRssMb, "≤", 400, "MB"));
  if (baseline && baseline.meta.users !== r.meta.users) {
    for (const level of r.meta.levels) {
      for (const p of reads) {
        const now = findCell(r, p, level, 1);
        const then = findCell(baseline, p, level, 1);
        out.push(
          target(
            `${PATH_LABELS[p]}, ${LEVEL_LABELS[level]}: p50 at ${r.meta.scale} / p50 at ${baseline.meta.scale} users, 1 client`,
            now && then ? now.p50 / then.p50 : undefined,
            "≤",
            1.5,
            "times",
            now && then ? `${f(now.p50, 3)} ms vs ${f(then.p50, 3)} ms` : undefined,
          ),
        );
      }
    }
  }
  if (r.meta.dialect === "sqlite") {
    for (const p of ["dashboard", "storyboard"] as const) {
      for (const clients of r.meta.clients) {
        const c = findCell(r, p, "store", clients);
        out.push(
          target(
            `SQLite ${PATH_LABELS[p]}, use-case p99 at ${clients} client${clients > 1 ? "s" : ""}`,
            c?.p99,
            "<",
            5,
            "ms",
            clients > 1 ? "one SQLite connection runs one transaction at a time: with more clients p99 includes the queue" : undefined,
          ),
        );
      }
    }
  }
  // A target whose cells were not measured in this run (--levels, --paths) is left out.
  return out.filter((t) => t.value !== null);
}

export function toMarkdown(r: Results): string {
  const m = r.meta;
  const lines: string[] = [];
  const counts = m.data.counts;
  lines.push(
    `**${m.dialect === "postgres" ? "PostgreSQL" : "SQLite"}, ${m.users.toLocaleString("en")} users** (${counts.projects?.toLocaleString("en")} projects, ${counts.storyboards?.toLocaleString("en")} storyboards, ${counts.scenes?.toLocaleString("en")} scenes, ${counts.scene_tasks?.toLocaleString("en")} tasks; database ${m.data.bytes >= 1e9 ? `${(m.data.bytes / 1e9).toFixed(2)} GB` : `${(m.data.bytes / 1e6).toFixed(0)} MB`}${m.data.loadSeconds !== null ? `, loaded in ${m.data.loadSeconds.toFixed(1)} s` : ", reused"}). ` +
      `${m.secondsPerCell} s per cell after ${m.warmupSecondsPerCell} s of warm-up; ${m.date.slice(0, 16).replace("T", " ")} UTC.`,
    "",
    `Machine: ${m.machine.cpu}, ${m.machine.cores} cores, ${m.machine.memoryGb.toFixed(0)} GB, Linux ${m.machine.kernel}; load average ${m.machine.loadAverageBefore.map((x) => x.toFixed(2)).join(" ")} before, ${m.machine.loadAverageAfter.map((x) => x.toFixed(2)).join(" ")} after. ` +
      `Versions: ${Object.entries(m.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}.`,
    "",
    "| path | clients | raw SQL ops/s | p50 / p99 ms | use-case ops/s | p50 / p99 ms | use-case / raw | HTTP req/s | p50 / p99 ms | HTTP / raw | HTTP / trivial |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  );
  const lat = (c: ResultCell | undefined) => (c ? `${f(c.p50)} / ${f(c.p99)}` : "–");
  const tp = (c: ResultCell | undefined) => (c ? `${f(c.throughput, 0)}${c.errors ? ` (${c.errors} errors)` : ""}` : "–");
  const rt = (v: number | undefined) => (v === undefined ? "–" : `${Math.round(v * 100)}%`);
  for (const clients of m.clients) {
    const trivial = findCell(r, "trivial", "http", clients);
    if (trivial) lines.push(`| trivial route (no database) | ${clients} | | | | | | ${tp(trivial)} | ${lat(trivial)} | | 100% |`);
  }
  for (const p of PATHS.filter((x) => m.paths.includes(x))) {
    for (const clients of m.clients) {
      const raw = findCell(r, p, "raw", clients);
      const store = findCell(r, p, "store", clients);
      const http = findCell(r, p, "http", clients);
      const trivial = findCell(r, "trivial", "http", clients);
      lines.push(
        `| ${PATH_LABELS[p]} | ${clients} | ${tp(raw)} | ${lat(raw)} | ${tp(store)} | ${lat(store)} | ${rt(ratio(store, raw))} | ${tp(http)} | ${lat(http)} | ${rt(ratio(http, raw))} | ${rt(ratio(http, trivial))} |`,
      );
    }
  }
  if (m.http) {
    lines.push(
      "",
      `HTTP: ${m.http.signedInUsers} signed-in users, requests spread over them at random; server peak RSS ${m.http.peakRssMb.toFixed(0)} MB (kernel high-water mark of the server process ${m.http.serverHwmMb.toFixed(0)} MB).`,
    );
    for (const g of m.http.generate) {
      const done = g.accepted / (m.secondsPerCell + g.drainSeconds);
      lines.push(
        `HTTP generate at ${g.clients} client${g.clients > 1 ? "s" : ""}: ${g.accepted} storyboards accepted (202); the background engine jobs (2 at a time) finished ${g.drainSeconds.toFixed(1)} s after the cell: ${done.toFixed(1)} storyboards completed per second.`,
      );
    }
  }
  if (m.notes.length) lines.push("", ...m.notes.map((n) => `- ${n}`));
  lines.push("", "| target | measured | limit | met |", "|---|--:|--:|:-:|");
  for (const t of r.targets) {
    const value = t.value === null ? "–" : formatIn(t.unit, t.value);
    lines.push(`| ${t.target}${t.note ? ` (${t.note})` : ""} | ${value} | ${t.comparator} ${formatIn(t.unit, t.limit)} | ${t.met === null ? "–" : t.met ? "yes" : "**no**"} |`);
  }
  return lines.join("\n") + "\n";
}
