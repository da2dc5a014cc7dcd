// A storyboard shared by its owner: read only, signed out, not indexed, no owner's name or email.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/domain/errors";
import { openSharedStoryboard } from "@/features/shares/open-shared-storyboard";
import { SharedStoryboardView } from "@/components/shares/shared-storyboard-view";

export const dynamic = "force-dynamic";

const load = cache(async (token: string) => {
  try {
    return await openSharedStoryboard(token);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
});

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shared = await load((await params).token);
  return { title: shared.storyboard.title, robots: { index: false, follow: false, nocache: true }, referrer: "no-referrer" };
}

export default async function SharedPage({ params }: Props) {
  const { token } = await params;
  return <SharedStoryboardView shared={await load(token)} base={`/s/${token}`} />;
}
