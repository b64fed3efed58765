import { after } from "next/server";
import { getApp } from "@/server/app";
import { drainDeliveries } from "@/server/integrations/github/process";
import { receiveGithubDelivery } from "@/server/integrations/github/receive";
import { respond } from "@/server/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return respond(async () => {
    const app = await getApp();
    const { response, stored } = await receiveGithubDelivery(app, (await params).project, req.headers, await req.text());
    // Stored first, answered fast, processed after the answer.
    if (stored?.status === "pending") after(() => drainDeliveries(app));
    return response;
  });
}
