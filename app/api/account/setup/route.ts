import { getApp } from "@/server/compose";
import { setupHandler } from "@/server/http/rest-account";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return setupHandler(req, getApp);
}
