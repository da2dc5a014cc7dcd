// GET /api/health: liveness and the database in use, for people and load balancers.
import { NextResponse } from "next/server";
import { readDbConfig } from "../../../db/config";
import { getStore } from "../../../db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  let dialect: string = "unknown";
  try {
    dialect = readDbConfig().dialect;
    const ok = await (await getStore()).ping();
    return NextResponse.json({ status: ok ? "ok" : "degraded", database: { dialect, ok } }, { status: ok ? 200 : 503 });
  } catch (e) {
    return NextResponse.json({ status: "error", database: { dialect, ok: false, error: (e as Error).message } }, { status: 503 });
  }
}
