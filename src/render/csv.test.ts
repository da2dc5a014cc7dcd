import { describe, expect, it } from "vitest";
import type { SceneWithTasks } from "../domain/types";
import { CSV_COLUMNS, csvCell, toCsv } from "./csv";
import { testScenes } from "./test-scenes";
import { parseCsv } from "../../tests/support/csv";

describe("CSV shot list", () => {
  const scenes: SceneWithTasks[] = testScenes();
  const csv = toCsv({ scenes });

  it("starts with a UTF-8 byte order mark and a header, one CRLF-ended row per scene", () => {
    expect(csv.startsWith("\ufeff")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(scenes.length + 1);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it("carries number, type, timecodes, duration, camera plan, texts and task states", () => {
    const rows = parseCsv(csv.slice(1));
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const second = rows[2]!;
    expect(second[col("scene")]).toBe("2");
    expect(second[col("start")]).toBe("00:00:03");
    expect(second[col("end")]).toBe("00:00:08");
    expect(second[col("duration_s")]).toBe("5");
    expect([second[col("shot_size")], second[col("angle")], second[col("movement")]]).toEqual(["MS", "high", "dolly"]);
    expect(rows[1]![col("script_written")]).toBe("yes");
    expect(rows[1]![col("edited")]).toBe("no");
  });

  it("quotes commas, quotes and line breaks, and keeps accents and Japanese", () => {
    const rows = parseCsv(csv.slice(1));
    const visual = rows.map((r) => r[CSV_COLUMNS.indexOf("visual_description")]);
    expect(visual).toContain('She says "wow", then\nlaughs');
    expect(rows.flat().join(" ")).toContain("今日は東京で撮影します");
    expect(rows.flat().join(" ")).toContain("Café crème, ¿qué tal?");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const bad of ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]) {
      const cell = csvCell(bad);
      const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(value.startsWith("'"), bad).toBe(true);
    }
    expect(csvCell("Plain text")).toBe("Plain text");
    expect(csvCell(5)).toBe("5");
    const rows = parseCsv(csv.slice(1));
    expect(rows.flat()).toContain("'=1+1 costs nothing");
    expect(rows.flat().some((c) => /^[=+\-@]/.test(c))).toBe(false);
  });
});
