import { describe, expect, it } from "vitest";
import type { AuditChange, AuditRow } from "../../domain/types";
import { describeChange } from "./describe-change";

const labels = { storyboards: { 7: "Launch teaser" }, scenes: { 31: 3 } };
let id = 0;
const row = (over: Partial<AuditRow>): AuditRow => ({ id: ++id, table_name: "scenes", operation: "UPDATE", row_id: 1, project_id: 1, storyboard_id: 7, old_values: null, new_values: null, ...over });
const change = (rows: AuditRow[]): AuditChange => ({ tx_id: 99, user_id: "u1", created_at: "2026-01-01T00:00:00.000Z", rows });
const say = (rows: AuditRow[]) => describeChange(change(rows), labels).summary;

describe("describeChange", () => {
  it("names the edited fields of a scene", () => {
    expect(say([row({ row_id: 31, old_values: { scene_number: 3, script: "a", duration: 4 }, new_values: { scene_number: 3, script: "b", duration: 4 } })])).toBe(
      "Scene 3 script edited in storyboard “Launch teaser”",
    );
  });

  it("tells a tick from an untick, with the scene", () => {
    const tick = (completed: boolean) => row({ table_name: "scene_tasks", row_id: 5, old_values: { completed: !completed }, new_values: { scene_id: 31, task_type: "scene_filmed", completed } });
    expect(say([tick(true)])).toBe("Task “Scene filmed” ticked on scene 3 in storyboard “Launch teaser”");
    expect(say([tick(false)])).toBe("Task “Scene filmed” unticked on scene 3 in storyboard “Launch teaser”");
  });

  it("describes a generation by its storyboard, counting the scenes it wrote", () => {
    const sb = row({ table_name: "storyboards", row_id: 7, old_values: { status: "generating", title: "Launch teaser" }, new_values: { status: "completed", title: "Launch teaser" } });
    const scenes = [1, 2, 3].map((n) => row({ operation: "INSERT", row_id: 40 + n, new_values: { scene_number: n } }));
    const entry = describeChange(change([sb, ...scenes]), labels);
    expect(entry).toMatchObject({ summary: "Storyboard “Launch teaser” generated (3 scenes)", storyboard_id: 7, id: "99", user_id: "u1" });
  });

  it("nets a move through the temporary negative numbers", () => {
    const rows = [
      row({ row_id: 1, old_values: { scene_number: 1 }, new_values: { scene_number: -3 } }),
      row({ row_id: 2, old_values: { scene_number: 2 }, new_values: { scene_number: -1 } }),
      row({ row_id: 3, old_values: { scene_number: 3 }, new_values: { scene_number: -2 } }),
      row({ row_id: 1, old_values: { scene_number: -3 }, new_values: { scene_number: 3 } }),
      row({ row_id: 2, old_values: { scene_number: -1 }, new_values: { scene_number: 1 } }),
      row({ row_id: 3, old_values: { scene_number: -2 }, new_values: { scene_number: 2 } }),
    ];
    expect(say(rows)).toBe("Scene 1 moved to position 3 in storyboard “Launch teaser”");
  });

  it("describes project changes and moves", () => {
    const p = (over: Partial<AuditRow>) => row({ table_name: "projects", storyboard_id: null, ...over });
    expect(say([p({ old_values: { title: "A", status: "active" }, new_values: { title: "B", status: "completed" } })])).toBe("Project renamed to “B” and marked Completed");
    expect(say([p({ operation: "ARCHIVE", new_values: { counts: { storyboards: 2 }, after_days: 730 } })])).toBe("Project moved to the archive (2 storyboards) after 730 days without changes");
    expect(describeChange(change([p({ operation: "RESTORE", new_values: {} })]), labels).storyboard_id).toBeNull();
  });
});

describe("describeChange with soft deletes and the main storyboard", () => {
  it("says deleted and restored, and which storyboard became the main one", () => {
    const sb = (over: Partial<AuditRow>) => row({ table_name: "storyboards", row_id: 7, ...over });
    expect(say([sb({ old_values: { title: "Launch teaser", deleted_at: null }, new_values: { title: "Launch teaser", deleted_at: "2026-01-01T00:00:00.000Z" } })])).toBe("Storyboard “Launch teaser” deleted");
    expect(say([sb({ old_values: { deleted_at: "2026-01-01T00:00:00.000Z" }, new_values: { deleted_at: null } })])).toBe("Storyboard “Launch teaser” restored");
    const demoted = row({ table_name: "storyboards", row_id: 8, old_values: { title: "Old", is_main: true }, new_values: { title: "Old", is_main: false } });
    const promoted = sb({ old_values: { title: "Launch teaser", is_main: false }, new_values: { title: "Launch teaser", is_main: true } });
    expect(say([demoted, promoted])).toBe("Storyboard “Launch teaser” made the main storyboard");
  });

  it("says where a review moved the storyboard", () => {
    const sb = (from: string, to: string) => row({ table_name: "storyboards", row_id: 7, old_values: { title: "Launch teaser", approval_state: from }, new_values: { title: "Launch teaser", approval_state: to } });
    expect(say([sb("draft", "in_review")])).toBe("Storyboard “Launch teaser” sent for review");
    expect(say([sb("in_review", "approved")])).toBe("Storyboard “Launch teaser” approved");
    expect(say([sb("in_review", "changes_requested")])).toBe("Storyboard “Launch teaser” marked “changes requested”");
  });
});
