import { redirect } from "next/navigation";
import { SetupForm } from "@/components/access/setup-form";
import { getApp } from "@/server/compose";
import { needsSetup } from "@/server/services/users";

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await needsSetup(await getApp()))) redirect("/login");
  return <SetupForm />;
}
