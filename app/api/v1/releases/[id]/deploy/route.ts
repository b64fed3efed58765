import { getApp } from "@/server/compose";
import { deployHandler } from "@/server/http/rest-deployments";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return deployHandler((await params).id, req, getApp);
}
