import { getApp } from "@/server/compose";
import { reportBuildHandler } from "@/server/http/rest-builds";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return reportBuildHandler((await params).project, req, getApp);
}
