import { getApp } from "@/server/compose";
import { rollbackHandler } from "@/server/http/rest-deployments";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ project: string; environment: string }> }) {
  const { project, environment } = await params;
  return rollbackHandler(project, environment, req, getApp);
}
