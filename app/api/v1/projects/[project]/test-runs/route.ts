import { getApp } from "@/server/compose";
import { reportTestRunHandler } from "@/server/http/rest-test-runs";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return reportTestRunHandler((await params).project, req, getApp);
}
