import { getApp } from "@/server/compose";
import { createItemHandler, listItemsHandler } from "@/server/http/rest-items";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ project: string }> };

export async function GET(req: Request, { params }: Params) {
  return listItemsHandler((await params).project, req, getApp);
}

export async function POST(req: Request, { params }: Params) {
  return createItemHandler((await params).project, req, getApp);
}
