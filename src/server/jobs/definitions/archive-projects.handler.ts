import { runArchive } from "../../../features/archive/run-archive";
import type { JobHandler } from "../types";
import type { z } from "zod";
import type { archiveProjectsPayload } from "./archive-projects";

type Payload = z.infer<typeof archiveProjectsPayload>;

export const handleArchiveProjects: JobHandler<Payload> = async (payload, ctx) => runArchive({ ...payload, onProgress: ctx.progress });
