import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/access/login-form";
import { safeNext } from "@/components/access/safe-next";
import { getApp } from "@/server/compose";
import { currentUser } from "@/server/auth/session";
import { needsSetup } from "@/server/services/users";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const app = await getApp();
  if (await needsSetup(app)) redirect("/setup");
  if (await currentUser(app, await headers())) redirect(safeNext(next));
  return <LoginForm next={safeNext(next)} />;
}
