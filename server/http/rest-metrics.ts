import { DomainError } from "../../domain/errors";
import type { App } from "../app";
import { METRICS, type MetricName } from "../services/get-metrics";
import { authorizeProject } from "./authorize";
import { respond } from "./respond";

/** GET /api/v1/projects/{project}/metrics/{funnel|flow|lead-time|dora|pipeline}?from=&to=&windowHours= (items:read). */
export function metricsHandler(slug: string, metric: string, req: Request, appSource: () => Promise<App>) {
  return respond(async () => {
    const app = await appSource();
    await authorizeProject(app, req, slug, "items:read");
    // Only the metrics' own names: "constructor" or "__proto__" are no metric.
    if (!Object.hasOwn(METRICS, metric)) {
      throw new DomainError(
        "VALIDATION",
        `There is no metric "${metric}". Metrics: ${Object.keys(METRICS).join(", ")}.`,
        { field: "metric" },
      );
    }
    const url = new URL(req.url);
    const windowHours = url.searchParams.get("windowHours");
    const result = await METRICS[metric as MetricName](app, {
      project: slug,
      from: url.searchParams.get("from"),
      to: url.searchParams.get("to"),
      windowHours: windowHours === null ? null : Number(windowHours),
    });
    return Response.json(result);
  });
}
