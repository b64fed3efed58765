"use client";
import { useState } from "react";
import { AuthForm, postJson, signIn } from "./auth-form";
import { Button } from "../ui/button";

interface Invite {
  email: string;
  role: string;
  project: { slug: string; name: string };
  hasAccount: boolean;
}

/** Accepting an invitation: a new person chooses a password; someone signed in as the invited email accepts with one click. */
export function InviteForm({
  token,
  invite,
  signedInAs,
}: {
  token: string;
  invite: Invite;
  signedInAs: string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const intro = `You are invited to ${invite.project.name} as ${invite.role}.`;
  const url = `/api/account/invites/${encodeURIComponent(token)}`;
  if (!invite.hasAccount) {
    return (
      <AuthForm
        title="Join Shiplane"
        intro={intro}
        fields={[
          { name: "email", label: "Email", type: "email", value: invite.email },
          { name: "name", label: "Name", autoComplete: "name" },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "new-password",
            hint: "At least 8 characters.",
          },
        ]}
        submit="Create account and join"
        onSubmit={async ({ name, password }) => {
          const failed = (await postJson(url, { name, password })) ?? (await signIn(invite.email, password));
          if (!failed) window.location.replace(`/p/${invite.project.slug}`);
          return failed;
        }}
      />
    );
  }
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="panel w-full max-w-sm space-y-3 rounded-lg border border-[var(--border)] p-6">
        <h1 className="text-lg font-semibold">Join {invite.project.name}</h1>
        <p className="muted text-[13px]">{intro}</p>
        {signedInAs === invite.email ? (
          <Button
            variant="primary"
            onClick={async () => {
              const failed = await postJson(url, {});
              if (failed) setError(failed);
              else window.location.replace(`/p/${invite.project.slug}`);
            }}
          >
            Accept invitation
          </Button>
        ) : (
          <a className="text-blue-600 underline" href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>
            Sign in as {invite.email} to accept
          </a>
        )}
        {error ? (
          <p role="alert" className="text-[13px] text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </main>
  );
}
