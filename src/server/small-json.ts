// Small JSON bodies (a comment, an approval): refused past their limit, naming the body, before
// they are read whole; the routes of issue 15 read theirs with it.
import type { NextRequest } from "next/server";
import { validationError } from "../domain/errors";
import { readBytes } from "./api";

export async function readSmallJson(req: NextRequest, max: number): Promise<unknown> {
  if (Number(req.headers.get("content-length") ?? 0) > max) throw validationError({ body: `The body must be at most ${Math.round(max / 1024)} KB` });
  const text = new TextDecoder().decode(await readBytes(req, max, "body")).trim();
  if (text === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationError({ body: "The body is not valid JSON" });
  }
}
