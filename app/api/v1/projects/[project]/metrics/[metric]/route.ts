import { getApp } from "@/server/compose";
import { metricsHandler } from "@/server/http/rest-metrics";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ project: string; metric: string }> }) {
  const { project, metric } = await params;
  return metricsHandler(project, metric, req, getApp);
}
