import { getApp } from "@/server/compose";
import { getDeploymentHandler } from "@/server/http/rest-deployments";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return getDeploymentHandler((await params).id, req, getApp);
}
