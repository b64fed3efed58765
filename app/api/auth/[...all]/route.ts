import { getApp } from "@/server/compose";
import { authRequestHandler } from "@/server/auth/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return authRequestHandler(req, getApp);
}

export function POST(req: Request) {
  return authRequestHandler(req, getApp);
}
