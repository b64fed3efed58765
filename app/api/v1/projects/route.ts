import { listProjectsHandler } from "@/server/http/rest-items";

export const dynamic = "force-dynamic";

export function GET() {
  return listProjectsHandler();
}
