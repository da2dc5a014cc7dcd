// Scene images as they are stored: an upload is recognised by its first bytes (PNG, JPEG or WebP;
// never by its name or declared type), decoded and re-encoded by sharp (libvips) into a plain PNG
// (when it has transparency) or JPEG, turned upright, at most 2048 px on its long side, with
// every metadata block dropped. An SVG, HTML or script file is refused before decoding, and what
// is stored was written by the encoder, so it can only be a picture.
import sharp from "sharp";
import { LIMITS, type SceneImageType } from "../domain/constants";
import { validationError } from "../domain/errors";

export const MAX_IMAGE_SIDE = 2048;

export function sniffImage(b: Uint8Array): "png" | "jpeg" | "webp" | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP") return "webp";
  return null;
}

export interface EncodedImage {
  content_type: SceneImageType;
  width: number;
  height: number;
  data: Buffer;
}

export async function reencodeImage(bytes: Uint8Array): Promise<EncodedImage> {
  if (bytes.byteLength === 0) throw validationError({ image: "The image is empty" });
  if (bytes.byteLength > LIMITS.sceneImageBytes) throw validationError({ image: `The image must be at most ${LIMITS.sceneImageBytes / 1024 / 1024} MB` });
  const kind = sniffImage(bytes);
  if (!kind) throw validationError({ image: "The image must be a PNG, JPEG or WebP file" });
  try {
    const input = sharp(bytes, { failOn: "error", limitInputPixels: 50_000_000, pages: 1 });
    const meta = await input.metadata();
    if (meta.format !== kind) throw new Error(`content is ${meta.format}, not ${kind}`);
    const pipeline = input.rotate().resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true });
    const alpha = meta.hasAlpha === true;
    const { data, info } = await (alpha ? pipeline.png({ compressionLevel: 6 }) : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 85 })).toBuffer({ resolveWithObject: true });
    return { content_type: alpha ? "image/png" : "image/jpeg", width: info.width, height: info.height, data };
  } catch {
    throw validationError({ image: "The image could not be read; upload a PNG, JPEG or WebP file" });
  }
}
