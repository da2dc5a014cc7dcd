// A readable markdown rendering of a storyboard (for the CLI's --format md).
import type { EngineOutput } from "./types";

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>") || " ";
}

export function toMarkdown(sb: EngineOutput): string {
  const lines: string[] = [];
  lines.push(`# ${sb.title}`, "");
  lines.push(
    `**Platform:** ${sb.platform} · **Duration:** ${sb.total_duration} s · **Scenes:** ${sb.total_scenes} · **Pattern:** ${sb.pattern} · **Language:** ${sb.language}`,
    "",
  );
  lines.push("| # | Type | Beat | Time | Duration | Camera | Visual | Voice-over | On screen |");
  lines.push("|---|------|------|------|----------|--------|--------|------------|-----------|");
  let t = 0;
  for (const s of sb.scenes) {
    const start = t;
    t += s.duration;
    lines.push(
      `| ${s.scene_number} | ${s.scene_type} | ${cell(s.beat)} | ${fmt(start)}–${fmt(t)} | ${s.duration} s | ${cell(s.camera_angle)} | ${cell(s.visual_description)} | ${cell(s.script)} | ${cell(s.text_overlay)} |`,
    );
  }
  const failed = sb.checks.filter((c) => !c.ok);
  lines.push("", "## Checks", "");
  if (failed.length === 0) lines.push(`All ${sb.checks.length} checks pass.`);
  for (const c of failed) lines.push(`- **${c.severity}** \`${c.id}\`${c.scene_number ? ` (scene ${c.scene_number})` : ""}: ${c.message}`);
  if (sb.warnings.length) {
    lines.push("", "## Warnings", "");
    for (const w of sb.warnings) lines.push(`- ${w}`);
  }
  lines.push("", `_Pattern source: ${sb.pattern_source}_`, "");
  return lines.join("\n");
}

function fmt(sec: number): string {
  return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, "0")}`;
}
