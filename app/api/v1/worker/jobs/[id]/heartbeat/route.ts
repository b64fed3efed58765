import { getApp } from "@/server/compose";
import { heartbeatHandler } from "@/server/http/rest-workers";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return heartbeatHandler((await params).id, req, getApp);
}
