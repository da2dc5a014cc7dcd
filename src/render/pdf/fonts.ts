// The fonts embedded in exported PDFs: Noto Sans JP (SIL Open Font License 1.1), regular and
// bold, from the npm package @expo-google-fonts/noto-sans-jp. One family covers Latin with its
// accents (English, Spanish, French, German, Portuguese) and Japanese; pdfkit embeds only the
// glyphs a document uses. Read once per process.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const FONT = { regular: "NotoSansJP", bold: "NotoSansJP-Bold" } as const;

const FILES = {
  regular: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
} as const;

let loaded: { regular: Buffer; bold: Buffer } | undefined;

/** The font files' bytes (resolved from the app's node_modules, so a bundler cannot move them). */
export function fontData(): { regular: Buffer; bold: Buffer } {
  if (!loaded) {
    const req = createRequire(path.join(process.cwd(), "package.json"));
    loaded = { regular: fs.readFileSync(req.resolve(FILES.regular)), bold: fs.readFileSync(req.resolve(FILES.bold)) };
  }
  return loaded;
}
