import { getApp } from "@/server/compose";
import { listReleasesHandler } from "@/server/http/rest-deployments";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return listReleasesHandler((await params).project, req, getApp);
}
