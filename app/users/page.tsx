import { redirect } from "next/navigation";
import { UsersView } from "@/components/users/users-view";
import { requireSignedIn } from "@/server/auth/page";
import { getApp } from "@/server/compose";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await requireSignedIn(await getApp(), "/users");
  if (!user.siteAdmin) redirect("/");
  return <UsersView me={{ email: user.email, name: user.name, siteAdmin: user.siteAdmin }} />;
}
