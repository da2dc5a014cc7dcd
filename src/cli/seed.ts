// `npm run db:seed`: a demo user (demo@storyboard.local, sign in locally with that email) with a
// few projects, storyboards written by the engine, and partly completed production tasks.
// Re-running it replaces the demo user's projects; nobody else's data is touched.
import { openStore } from "../db/client";
import { ConfigError, readDbConfig } from "../db/config";
import { createFactories } from "../db/seed/factories";
import { generateStoryboard } from "../engine";
import { sceneInputOf } from "../features/storyboards/engine-io";

const DEMO_EMAIL = process.env.SEED_EMAIL ?? "demo@storyboard.local";

const PROJECTS = [
  {
    title: "Spring launch: ThermoCup",
    status: "active" as const,
    briefs: [
      { title: "Launch teaser", brief: "30-second TikTok launching ThermoCup, the reusable cup that keeps coffee hot for 6 hours. Show the steam at hour six. Link in bio.", platform: "tiktok" as const },
      { title: "5 mistakes", brief: "5 mistakes people make with reusable cups, for Instagram Reels, 45 seconds. End with: get ThermoCup at thermocup.example", platform: "instagram_reels" as const },
    ],
    done: 0.6,
  },
  {
    title: "Founder story series",
    status: "draft" as const,
    briefs: [{ title: "Why we started", brief: "Storytime: our founder Ana quit her bank job to fix the coffee-cup waste problem. 60 seconds for YouTube Shorts, warm and honest tone. Subscribe for part 2.", platform: "youtube_shorts" as const }],
    done: 0.15,
  },
  {
    title: "Barista tutorials",
    status: "completed" as const,
    briefs: [{ title: "Latte art in 3 steps", brief: "How to pour a latte heart at home in 3 steps, 30 seconds, beginner friendly. Follow for more barista tips.", platform: "tiktok" as const }],
    done: 1,
  },
];

async function main() {
  const store = await openStore(readDbConfig());
  const f = createFactories(store);
  const user = await f.user({ email: DEMO_EMAIL, name: "Demo Creator" });
  for (const p of await store.listProjects(user.id)) await store.deleteProject(user.id, p.id);
  let storyboards = 0;
  for (const [i, spec] of PROJECTS.entries()) {
    const project = await f.project(user.id, { title: spec.title, status: spec.status, description: `Demo project ${i + 1}` });
    for (const [j, b] of spec.briefs.entries()) {
      const out = generateStoryboard({ brief: b.brief, platform: b.platform, seed: i * 10 + j });
      const sb = await f.storyboard(user.id, project.id, {
        title: b.title,
        brief: b.brief,
        reference_urls: [],
        pattern_source: `${out.pattern} (${out.pattern_source})`,
        generation_options: { platform: b.platform, seed: i * 10 + j },
        scenes: out.scenes.map(sceneInputOf),
      });
      await f.completeTasks(user.id, sb, spec.done);
      storyboards++;
    }
  }
  console.log(`Seeded ${DEMO_EMAIL}: ${PROJECTS.length} projects, ${storyboards} storyboards (${store.dialect}). Sign in locally with that email.`);
  await store.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
