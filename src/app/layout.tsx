import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "StoryboardAI", template: "%s · StoryboardAI" },
  description: "Plan short-form videos as shootable storyboards: hook, content, call to action, scene by scene.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#111827" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {/* The first stop for a keyboard: past the top bar to the page's own content (every page's <main id="main">). */}
        <a className="skip-link" href="#main">Skip to content</a>
        {children}
      </body>
    </html>
  );
}
