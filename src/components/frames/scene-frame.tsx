"use client";
// The frame on an owner's scene card: the sketch or their own picture, with upload, replace and
// remove. Uploads go to PUT /api/v1/scenes/:id/image as the file's bytes.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { AspectRatio, Platform } from "../../domain/constants";
import type { SceneImageMeta, SceneWithTasks } from "../../domain/types";
import { FrameArt } from "./frame-art";
import "./frames.css";

const imageUrl = (sceneId: number, meta: SceneImageMeta) => `/api/v1/scenes/${sceneId}/image?v=${encodeURIComponent(meta.updated_at)}`;

async function errorOf(r: Response): Promise<string> {
  try {
    const body = (await r.json()) as { error?: { message?: string; fields?: Record<string, string> } };
    return body.error?.fields?.image ?? body.error?.message ?? `Upload failed (${r.status})`;
  } catch {
    return `Upload failed (${r.status})`;
  }
}

export function SceneFrame({ scene, aspectRatio, platform, disabled }: { scene: SceneWithTasks; aspectRatio: AspectRatio; platform: Platform | null; disabled?: boolean }) {
  const [image, setImage] = useState(scene.image);
  const [seen, setSeen] = useState(scene.image);
  if (scene.image !== seen) {
    // A fresh server state (reload, another action) wins over what this card last uploaded.
    setSeen(scene.image);
    setImage(scene.image);
  }
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const n = scene.scene_number;

  async function send(method: "PUT" | "DELETE", body?: File) {
    setBusy(true);
    setError(null);
    try {
      const r = await fetch(`/api/v1/scenes/${scene.id}/image`, { method, body, headers: body ? { "content-type": body.type || "application/octet-stream" } : undefined });
      if (!r.ok) return setError(await errorOf(r));
      setImage(method === "PUT" ? ((await r.json()) as SceneImageMeta) : null);
      // The page's own copy of the storyboard (exports, the animatic, print) follows.
      router.refresh();
    } catch {
      setError("The upload did not reach the server; check your connection and try again.");
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <figure className="scene-frame" aria-busy={busy}>
      <FrameArt scene={scene} aspectRatio={aspectRatio} platform={platform} imageSrc={image ? imageUrl(scene.id, image) : null} />
      <figcaption className="frame-tools no-print">
        <input ref={input} type="file" accept="image/png,image/jpeg,image/webp" className="visually-hidden" id={`frame-file-${scene.id}`}
          aria-label={`Upload an image for scene ${n}`} data-testid="frame-file" disabled={busy || disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void send("PUT", file);
          }} />
        <button type="button" className="btn small" disabled={busy || disabled} onClick={() => input.current?.click()}>
          {busy ? "Saving…" : image ? "Replace image" : "Upload image"}
        </button>
        {image && (
          <button type="button" className="btn small" disabled={busy || disabled} onClick={() => void send("DELETE")} aria-label={`Remove the image of scene ${n}`}>
            Use sketch
          </button>
        )}
        <span className="small muted">PNG, JPEG or WebP, up to 5 MB</span>
      </figcaption>
      {error && <p className="field-error" role="alert">{error}</p>}
    </figure>
  );
}
