// Files sent by routes (exports and scene images): the right Content-Type, a Content-Disposition
// with an ASCII name and the real title (RFC 6266 filename*), and nothing a browser could run.
export interface DownloadFile {
  body: Uint8Array;
  content_type: string;
  filename: string;
  title: string;
}

const encodeRfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function fileResponse(file: DownloadFile, extra: Record<string, string> = {}): Response {
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      "content-type": file.content_type,
      "content-length": String(file.body.byteLength),
      "content-disposition": `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeRfc5987(file.title)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      ...extra,
    },
  });
}

/** A stored (re-encoded) scene image, shown inline; its URL carries a version, so it may be cached. */
export function imageResponse(image: { content_type: string; data: Uint8Array }, extra: Record<string, string> = {}): Response {
  return new Response(new Uint8Array(image.data), {
    status: 200,
    headers: {
      "content-type": image.content_type,
      "content-length": String(image.data.byteLength),
      "content-disposition": "inline",
      "cache-control": "private, max-age=31536000, immutable",
      "content-security-policy": "default-src 'none'; sandbox",
      "x-content-type-options": "nosniff",
      ...extra,
    },
  });
}

/** The headers of everything a share link serves: never indexed, never leaking the link onwards. */
export const SHARE_HEADERS = { "x-robots-tag": "noindex, nofollow, noarchive", "referrer-policy": "no-referrer" } as const;

/** The plain 404 of a share link that does not exist or no longer does. */
export const shareNotFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...SHARE_HEADERS } });
