// GET /api/health/live: answers without touching the database. A liveness probe for load
// balancers, and the benchmarks' measure of what the framework alone costs per request.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ status: "ok" });
}
