// The web app manifest (/manifest.webmanifest): the name and icons a phone shows when the app is
// added to its home screen. The icons are src/app/icon.svg and src/app/apple-icon.png.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "StoryboardAI",
    short_name: "Storyboards",
    description: "Plan short-form videos as shootable storyboards: hook, content, call to action, scene by scene.",
    start_url: "/dashboard",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/apple-icon.png", sizes: "180x180", type: "image/png" },
    ],
  };
}
