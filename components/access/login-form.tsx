"use client";
import { AuthForm, signIn } from "./auth-form";
import { safeNext } from "./safe-next";

export function LoginForm({ next }: { next: string }) {
  return (
    <AuthForm
      title="Sign in"
      fields={[
        { name: "email", label: "Email", type: "email", autoComplete: "username" },
        { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
      ]}
      submit="Sign in"
      onSubmit={async ({ email, password }) => {
        const failed = await signIn(email, password);
        // A page's hash never reaches the server; the browser kept it on this page's address.
        const hash = next.includes("#") ? "" : window.location.hash;
        if (!failed) window.location.replace(safeNext(next + hash));
        return failed;
      }}
    />
  );
}
