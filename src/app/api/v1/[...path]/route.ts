// Any other path under /api/v1: a JSON 404 in the API's error format, not the HTML 404 page,
// so a client with a typo in a path gets an answer it can parse.
import type { NextRequest } from "next/server";
import { AppError } from "@/domain/errors";
import { errorResponse } from "@/server/errors";

const unknownRoute = async (req: NextRequest) =>
  errorResponse(new AppError("not_found", `No API route ${req.method} ${req.nextUrl.pathname}; see docs/api.md for the routes`));

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
