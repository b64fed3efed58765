import { getApp } from "@/server/compose";
import { importHandler } from "@/server/http/rest-imports";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return importHandler((await params).project, req, getApp);
}
