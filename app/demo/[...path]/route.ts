import { serveDemoSite } from "@/server/http/demo-site";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return serveDemoSite((await params).path);
}
