import { getApp } from "@/server/compose";
import { moveItemHandler } from "@/server/http/rest-items";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return moveItemHandler((await params).id, req, getApp);
}
