import { DomainError } from "../../domain/errors";
import type { App } from "../app";
import { regressionReported } from "../deploy/pipeline";
import { createJUnitReader } from "../integrations/junit/parse";
import { recordTestRun } from "../services/record-test-run";
import { authorizeProject } from "./authorize";
import { errorResponse, respond } from "./respond";

export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

/**
 * POST /api/v1/projects/{project}/test-runs?suite=NAME&build=ID | &commit=SHA | &deployment=ID
 * with a JUnit XML body (up to 50 MB, parsed as it streams in) and a tests:write token.
 */
export function reportTestRunHandler(slug: string, req: Request, appSource: () => Promise<App>) {
  return respond(async () => {
    const app = await appSource();
    const { actor } = await authorizeProject(app, req, slug, "tests:write");
    const url = new URL(req.url);
    const deployment = url.searchParams.get("deployment");
    if (deployment !== null && !/^[1-9]\d{0,14}$/.test(deployment))
      throw new DomainError("VALIDATION", `"${deployment}" is not a deployment id.`, { field: "deployment" });
    const reader = createJUnitReader();
    const decoder = new TextDecoder();
    let bytes = 0;
    if (req.body) {
      for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        if (bytes > MAX_REPORT_BYTES) {
          return errorResponse(
            413,
            "REQUEST.TOO_LARGE",
            `The report is over ${MAX_REPORT_BYTES / 1024 / 1024} MB: split it by suite and send each part.`,
          );
        }
        reader.write(decoder.decode(chunk, { stream: true }));
      }
    }
    reader.write(decoder.decode());
    const report = reader.close();
    const result = await recordTestRun(
      app,
      actor,
      {
        project: slug,
        suite: url.searchParams.get("suite") ?? "",
        build: url.searchParams.get("build"),
        commit: url.searchParams.get("commit"),
        deployment: deployment ? Number(deployment) : null,
      },
      report,
    );
    // An external regression runner's results settle the deployment that waits on them.
    if (deployment) await regressionReported(app, Number(deployment), result.failed);
    return Response.json(result, { status: 201 });
  });
}
