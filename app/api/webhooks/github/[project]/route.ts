import { after } from "next/server";
import { getApp } from "@/server/compose";
import { drainDeliveries } from "@/server/integrations/github/process";
import { MAX_DELIVERY_BYTES, receiveGithubDelivery } from "@/server/integrations/github/receive";
import { readText, respond } from "@/server/http/respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return respond(async () => {
    const app = await getApp();
    const reply = await receiveGithubDelivery(
      app,
      (await params).project,
      (name) => req.headers.get(name),
      async () => (await readText(req, MAX_DELIVERY_BYTES)).text,
    );
    // Stored first, answered fast, processed after the answer.
    if (reply.stored?.status === "pending") after(() => drainDeliveries(app));
    return Response.json(reply.body, { status: reply.status });
  });
}
