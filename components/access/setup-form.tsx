"use client";
import { AuthForm, postJson, signIn } from "./auth-form";

/** The first run: the person who installed Shiplane makes the admin account. */
export function SetupForm() {
  return (
    <AuthForm
      title="Create the admin account"
      intro="Shiplane has no users yet. The account you create here administers this instance: its projects, members and settings."
      fields={[
        { name: "name", label: "Name", autoComplete: "name" },
        { name: "email", label: "Email", type: "email", autoComplete: "username" },
        {
          name: "password",
          label: "Password",
          type: "password",
          autoComplete: "new-password",
          hint: "At least 8 characters.",
        },
      ]}
      submit="Create admin and sign in"
      onSubmit={async ({ name, email, password }) => {
        const failed =
          (await postJson("/api/account/setup", { name, email, password })) ?? (await signIn(email, password));
        if (!failed) window.location.replace("/");
        return failed;
      }}
    />
  );
}
