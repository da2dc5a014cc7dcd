// Shoot mode: one scene per screen with a teleprompter, for the phone on set
// (src/components/preview/shoot-mode.tsx).
import type { Metadata } from "next";
import { ShootMode } from "../../../../../components/preview/shoot-mode";
import { loadPreview } from "../preview-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shoot mode" };

export default async function ShootPage({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadPreview((await params).id, "shoot");
  return <ShootMode view={view} />;
}
