import { getApp } from "@/server/compose";
import { listEnvironmentsHandler } from "@/server/http/rest-deployments";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return listEnvironmentsHandler((await params).project, req, getApp);
}
