import { PasswordForm } from "@/components/access/password-form";
import { requireSignedIn } from "@/server/auth/page";
import { getApp } from "@/server/compose";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireSignedIn(await getApp(), "/account");
  return <PasswordForm email={user.email} />;
}
