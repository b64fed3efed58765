import { getApp } from "@/server/compose";
import { listProjectsHandler } from "@/server/http/rest-items";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return listProjectsHandler(req, getApp);
}
