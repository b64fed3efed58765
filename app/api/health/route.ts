import { getApp } from "@/server/compose";
import { health } from "@/server/http/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET() {
  return health(getApp);
}
