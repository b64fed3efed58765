import { getApp } from "@/server/compose";
import { getItemHandler } from "@/server/http/rest-items";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return getItemHandler((await params).id, req, getApp);
}
