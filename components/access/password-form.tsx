"use client";
import Link from "next/link";
import { useState } from "react";
import { AuthForm, postJson } from "./auth-form";

/** Changing one's password; other sessions are signed out. */
export function PasswordForm({ email }: { email: string }) {
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <main className="mx-auto max-w-sm p-10" role="status">
        <h1 className="text-lg font-semibold">Password changed</h1>
        <p className="muted mt-2">Your other sessions were signed out.</p>
        <Link className="mt-3 inline-block text-blue-600 underline" href="/">
          Back to your projects
        </Link>
      </main>
    );
  }
  return (
    <AuthForm
      title="Change your password"
      intro={`Signed in as ${email}.`}
      fields={[
        { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
        {
          name: "newPassword",
          label: "New password",
          type: "password",
          autoComplete: "new-password",
          hint: "At least 8 characters.",
        },
      ]}
      submit="Change password"
      onSubmit={async ({ currentPassword, newPassword }) => {
        const failed = await postJson("/api/auth/change-password", {
          currentPassword,
          newPassword,
          revokeOtherSessions: true,
        });
        if (!failed) setDone(true);
        return failed;
      }}
    />
  );
}
