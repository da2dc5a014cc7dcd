// A storyboard as a Markdown document: the CLI prints a generated storyboard with it, the export
// writes a stored one with it, so both read the same.
import { timecode } from "./document";

export interface MarkdownScene {
  scene_number: number;
  scene_type: string;
  beat?: string | null;
  duration: number;
  camera_angle: string | null;
  visual_description: string;
  script: string | null;
  text_overlay: string | null;
}

export interface MarkdownInput {
  title: string;
  platform: string;
  total_duration: number;
  total_scenes: number;
  aspect_ratio?: string;
  pattern?: string | null;
  language?: string | null;
  scenes: readonly MarkdownScene[];
  checks: ReadonlyArray<{ id: string; ok: boolean; severity: string; message: string; scene_number?: number }>;
  warnings?: readonly string[];
  pattern_source?: string | null;
}

function cell(s: string | null | undefined): string {
  return (s ?? "").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>") || " ";
}

export function toMarkdown(sb: MarkdownInput): string {
  const lines: string[] = [];
  lines.push(`# ${sb.title}`, "");
  const meta = [
    `**Platform:** ${sb.platform}`,
    sb.aspect_ratio && `**Aspect ratio:** ${sb.aspect_ratio}`,
    `**Duration:** ${sb.total_duration} s`,
    `**Scenes:** ${sb.total_scenes}`,
    sb.pattern && `**Pattern:** ${sb.pattern}`,
    sb.language && `**Language:** ${sb.language}`,
  ].filter(Boolean);
  lines.push(meta.join(" · "), "");
  lines.push("| # | Type | Beat | Time | Duration | Camera | Visual | Voice-over | On screen |");
  lines.push("|---|------|------|------|----------|--------|--------|------------|-----------|");
  let t = 0;
  for (const s of sb.scenes) {
    const start = t;
    t += s.duration;
    lines.push(
      `| ${s.scene_number} | ${s.scene_type} | ${cell(s.beat)} | ${timecode(start)}–${timecode(t)} | ${s.duration} s | ${cell(s.camera_angle)} | ${cell(s.visual_description)} | ${cell(s.script)} | ${cell(s.text_overlay)} |`,
    );
  }
  const failed = sb.checks.filter((c) => !c.ok);
  lines.push("", "## Checks", "");
  if (failed.length === 0) lines.push(`All ${sb.checks.length} checks pass.`);
  for (const c of failed) lines.push(`- **${c.severity}** \`${c.id}\`${c.scene_number ? ` (scene ${c.scene_number})` : ""}: ${c.message}`);
  if (sb.warnings?.length) {
    lines.push("", "## Warnings", "");
    for (const w of sb.warnings) lines.push(`- ${w}`);
  }
  if (sb.pattern_source) lines.push("", `_Pattern source: ${sb.pattern_source}_`);
  lines.push("");
  return lines.join("\n");
}
