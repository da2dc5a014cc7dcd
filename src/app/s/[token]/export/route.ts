// GET /s/:token/export?format=pdf|csv[&layout=…]: a shared storyboard's downloads, signed out.
import type { NextRequest } from "next/server";
import { AppError } from "@/domain/errors";
import { exportSharedStoryboard } from "@/features/shares/export-shared-storyboard";
import { errorResponse } from "@/server/errors";
import { clientIp, limitRoute } from "@/server/rate-limit";
import { fileResponse, SHARE_HEADERS, shareNotFound } from "@/server/files";

export async function GET(req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    await limitRoute("export", null, clientIp(req.headers));
    return fileResponse(await exportSharedStoryboard(token, Object.fromEntries(req.nextUrl.searchParams)), SHARE_HEADERS);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return shareNotFound();
    return errorResponse(e);
  }
}
