import { getApp } from "@/server/compose";
import { promoteHandler } from "@/server/http/rest-deployments";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return promoteHandler((await params).id, req, getApp);
}
