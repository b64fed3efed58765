import { getApp } from "@/server/compose";
import { claimHandler } from "@/server/http/rest-workers";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return claimHandler(req, getApp);
}
