import { getApp } from "@/server/compose";
import { alertmanagerWebhookHandler } from "@/server/integrations/alertmanager/webhook";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return alertmanagerWebhookHandler((await params).project, req, getApp);
}
