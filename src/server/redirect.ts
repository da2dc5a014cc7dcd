// Where a `next` parameter may send the browser after sign-in: only a path of this app. The value
// is parsed as a URL against a placeholder origin the way a browser would resolve it (so `/\evil.com`,
// `/%09/evil.com` and `//evil.com` all resolve off-origin and are refused), and anything carrying a
// control character falls back too (it would otherwise reach the Location header: ERR_INVALID_CHAR).
const HOME = "/dashboard";
const BASE = "http://storyboard.invalid";
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A same-origin path (with its query and fragment, normalised and percent-encoded), else /dashboard. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048 || CONTROL.test(value)) return HOME;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return HOME;
  }
  if (url.origin !== BASE) return HOME;
  const path = url.pathname + url.search + url.hash;
  // The resolved path must itself read as a path of ours, never a protocol-relative address.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : HOME;
}
