import { z } from "zod";
import type { App } from "../app";
import { reportBuild } from "../services/report-build";
import { authorizeProject } from "./authorize";
import { parse, readObject, respond } from "./respond";
import { webUrl } from "../contracts/common";

export const buildReportBody = z.object({
  buildId: z.union([z.string().min(1).max(200), z.number().int().nonnegative().transform(String)]),
  commitSha: z.string().regex(/^[0-9a-f]{7,64}$/i, "a commit SHA (hex)"),
  branch: z.string().min(1).max(255),
  status: z.enum(["queued", "running", "passed", "failed", "cancelled"]),
  startedAt: z.coerce.date().nullish(),
  finishedAt: z.coerce.date().nullish(),
  url: webUrl.nullish(),
  tests: z
    .object({ passed: z.number().int().min(0), failed: z.number().int().min(0), skipped: z.number().int().min(0) })
    .nullish(),
  artifacts: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        version: z.string().min(1).max(100),
        url: webUrl.nullish(),
      }),
    )
    .max(100)
    .optional(),
});

/** POST /api/v1/projects/{project}/builds, for any CI server, with a builds:write token. */
export function reportBuildHandler(slug: string, req: Request, appSource: () => Promise<App>) {
  return respond(async () => {
    const app = await appSource();
    const { actor } = await authorizeProject(app, req, slug, "builds:write");
    const body = parse(buildReportBody, await readObject(req));
    const result = await reportBuild(app, actor, { ...body, project: slug });
    return Response.json(result, { status: result.build.created ? 201 : 200 });
  });
}
