import { getApp } from "@/server/compose";
import { acceptInviteHandler, describeInviteHandler } from "@/server/http/rest-account";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  return describeInviteHandler((await params).token, getApp);
}

export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return acceptInviteHandler((await params).token, req, getApp);
}
