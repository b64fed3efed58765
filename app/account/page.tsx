import { PasswordForm } from "@/components/access/password-form";
import { requireSignedIn } from "@/server/auth/page";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireSignedIn("/account");
  return <PasswordForm email={user.email} />;
}
