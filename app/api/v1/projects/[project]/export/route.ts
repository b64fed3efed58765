import { getApp } from "@/server/compose";
import { exportHandler } from "@/server/http/rest-imports";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return exportHandler((await params).project, req, getApp);
}
