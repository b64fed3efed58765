import { redirect } from "next/navigation";
import { getApp } from "@/server/compose";
import { requireSignedIn } from "@/server/auth/page";
import { createCaller } from "@/server/trpc/root";
import { userActor } from "@/server/auth/session";
import { UserMenu } from "@/components/access/user-menu";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await requireSignedIn(await getApp(), "/");
  const caller = createCaller({ app: await getApp(), user, actor: userActor(user, "viewer"), sameOrigin: true });
  const projects = await caller.project.list();
  if (projects.length > 0) redirect(`/p/${projects[0].slug}`);
  return (
    <main className="mx-auto max-w-xl p-10">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Welcome to Shiplane</h1>
        <UserMenu user={user} />
      </div>
      {user.siteAdmin ? (
        <>
          <p className="muted mt-2">There is no project yet. Create one from the command line:</p>
          <pre className="panel mt-3 rounded p-3 font-mono text-xs">
            npx shiplane project create --name &quot;Storefront&quot; --repo acme/storefront --prefix SF
          </pre>
          <p className="muted mt-3">
            or load the demo project with <code className="font-mono">npx shiplane seed demo</code>, then reload this
            page.
          </p>
        </>
      ) : (
        <p className="muted mt-2">
          You are not a member of any project yet. Ask a project admin to invite you: the invitation is a link they can
          copy for you.
        </p>
      )}
    </main>
  );
}
