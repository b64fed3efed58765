import { redirect } from "next/navigation";
import { WorkersView } from "@/components/workers/workers-view";
import { requireSignedIn } from "@/server/auth/page";
import { getApp } from "@/server/compose";

export const dynamic = "force-dynamic";

export default async function WorkersPage() {
  const user = await requireSignedIn(await getApp(), "/workers");
  if (!user.siteAdmin) redirect("/");
  return <WorkersView me={{ email: user.email, name: user.name, siteAdmin: user.siteAdmin }} />;
}
