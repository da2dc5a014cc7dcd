// The page behind a share link: the storyboard with its frames, timecodes and text, and its PDF
// and CSV downloads. Read only: no editing controls, no task ticks, nothing of the owner. When the
// link allows comments, each scene also shows its comments and a form to add one.
import type { SharedStoryboard } from "../../domain/types";
import { PLATFORM_NAMES, sceneStarts } from "../../render/document";
import { durationText, plural, timecode } from "../format";
import { FrameArt } from "../frames/frame-art";
import "../frames/frames.css";
import { ApprovalBadge } from "../review/approval-badge";
import { SharedSceneComments } from "../review/shared-scene-comments";

export function SharedStoryboardView({ shared, base }: { shared: SharedStoryboard; base: string }) {
  const sb = shared.storyboard;
  const starts = sceneStarts(shared.scenes);
  const ready = sb.status === "completed";
  return (
    <main id="main" tabIndex={-1} className="container shared-page stack" data-testid="shared-page">
      <header className="panel stack">
        <p className="small muted">{shared.project_title}</p>
        <h1 data-testid="shared-title">{sb.title}</h1>
        <p className="small muted meta">
          {plural(shared.scenes.length, "scene")} · {durationText(sb.total_duration)} · {sb.platform ? PLATFORM_NAMES[sb.platform] : "Any platform"} · {sb.aspect_ratio}
        </p>
        <p className="row small"><span className="muted">Approval</span> <ApprovalBadge state={sb.approval_state} /></p>
        {shared.link.allow_comments && ready && shared.scenes.length > 0 && (
          <p className="small muted no-print">The owner asks for your comments: add yours under any scene, signed with your name.</p>
        )}
        {ready && (
          <p className="row no-print">
            <a className="btn small primary" href={`${base}/export?format=pdf`} download data-testid="shared-pdf">Download PDF</a>
            <a className="btn small" href={`${base}/export?format=csv`} download data-testid="shared-csv">Download CSV shot list</a>
          </p>
        )}
      </header>
      {!ready ? (
        <div className="empty"><h2>Not ready yet</h2><p className="muted">This storyboard is still being prepared. Reload the page in a moment.</p></div>
      ) : shared.scenes.length === 0 ? (
        <div className="empty"><h2>No scenes yet</h2><p className="muted">The owner has not added any scenes to this storyboard.</p></div>
      ) : (
        <ol className="shared-scenes">
          {shared.scenes.map((s, i) => (
            <li key={s.id} className="card shared-scene" data-testid="shared-scene">
              <FrameArt scene={s} aspectRatio={sb.aspect_ratio} platform={sb.platform}
                imageSrc={s.image ? `${base}/images/${s.id}?v=${encodeURIComponent(s.image.updated_at)}` : null} />
              <div className="stack shared-text">
                <p className="scene-head">
                  <strong>Scene {s.scene_number}</strong> <span className={`badge ${s.scene_type}`}>{s.scene_type === "cta" ? "CTA" : s.scene_type}</span>{" "}
                  <span className="timecode">{timecode(starts[i]!)}–{timecode(starts[i]! + s.duration)}</span> <span className="small muted">{s.duration} s</span>
                </p>
                <dl className="scene-fields">
                  {s.camera_angle && <div className="scene-field"><dt>Camera</dt><dd>{s.camera_angle}</dd></div>}
                  <div className="scene-field"><dt>Visual</dt><dd>{s.visual_description}</dd></div>
                  {s.script && <div className="scene-field"><dt>Voice-over</dt><dd>{s.script}</dd></div>}
                  {s.text_overlay && <div className="scene-field"><dt>On screen</dt><dd>{s.text_overlay}</dd></div>}
                </dl>
                {shared.link.allow_comments && (
                  <SharedSceneComments base={base} sceneId={s.id} sceneNumber={s.scene_number} initial={shared.comments.filter((c) => c.scene_id === s.id)} />
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <p className="small muted">Made with StoryboardAI. This is a read-only copy; the owner can revoke the link at any time.</p>
    </main>
  );
}
