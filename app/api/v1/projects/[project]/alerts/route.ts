import { getApp } from "@/server/compose";
import { listAlertsHandler } from "@/server/integrations/alertmanager/webhook";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ project: string }> }) {
  return listAlertsHandler((await params).project, req, getApp);
}
