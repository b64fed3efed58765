import type { ReactNode } from "react";
import Link from "next/link";
import { AccessProvider } from "@/components/access/access";
import { UserMenu } from "@/components/access/user-menu";
import { getApp } from "@/server/compose";
import { membershipForPage, requireSignedIn } from "@/server/auth/page";

export const dynamic = "force-dynamic";

/** Every project page: signed in, a member (or an instance admin), and told the role it acts with. */
export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ project: string }>;
}) {
  const { project: slug } = await params;
  const app = await getApp();
  const user = await requireSignedIn(app, `/p/${slug}`);
  const { project, role } = await membershipForPage(app, user, slug);
  if (!project || !role) {
    return (
      <main className="mx-auto max-w-xl p-10">
        <div className="flex items-center justify-between">
          <h1 className="text-xl font-semibold">
            {project ? `You are not a member of ${project.name}` : `There is no project “${slug}”`}
          </h1>
          <UserMenu user={user} />
        </div>
        <p className="muted mt-2">
          {project
            ? "Ask one of its admins to invite you: they can copy an invitation link for you from the project's Members page."
            : "Check the address, or pick a project you are a member of."}
        </p>
        <Link className="mt-4 inline-block text-blue-600 underline" href="/">
          Your projects
        </Link>
      </main>
    );
  }
  return (
    <AccessProvider user={{ email: user.email, name: user.name, siteAdmin: user.siteAdmin }} role={role}>
      {children}
    </AccessProvider>
  );
}
