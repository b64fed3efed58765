import { headers } from "next/headers";
import { InviteForm } from "@/components/access/invite-form";
import { isDomainError } from "@/domain/errors";
import { getApp } from "@/server/compose";
import { currentUser } from "@/server/auth/session";
import { describeInvite } from "@/server/services/members";

export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const app = await getApp();
  const invite = await describeInvite(app, token).catch((error: unknown) => {
    if (isDomainError(error)) return { problem: error.message };
    throw error;
  });
  if ("problem" in invite) {
    return (
      <main className="mx-auto max-w-md p-10">
        <h1 className="text-lg font-semibold">This invitation cannot be used</h1>
        <p role="alert" className="muted mt-2">
          {invite.problem}
        </p>
      </main>
    );
  }
  const user = await currentUser(app, await headers());
  return <InviteForm token={token} invite={invite} signedInAs={user?.email ?? null} />;
}
