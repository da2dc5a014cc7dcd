// The animatic: the storyboard played at its real timing (src/components/preview/animatic.tsx).
import type { Metadata } from "next";
import { Animatic } from "../../../../../components/preview/animatic";
import { loadPreview } from "../preview-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Animatic" };

export default async function PlayPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadPreview((await params).id, "play");
  return <Animatic view={view} />;
}
