"use client";
import Link from "next/link";
import { useState } from "react";
import type { AccessUser } from "./access";

/** The signed-in person, with their account, the users page for instance admins, and sign out. */
export function UserMenu({ user, role }: { user: AccessUser; role?: string }) {
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  async function signOut() {
    setBusy(true);
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    window.location.replace("/login");
  }
  return (
    <div className="relative text-[13px]" onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-label="Account menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="muted cursor-pointer rounded px-2 py-1 hover:bg-black/5 dark:hover:bg-white/10"
        title={`Signed in as ${user.email}`}
      >
        {user.name}
        {role ? <span className="ml-1 rounded bg-black/5 px-1 text-[11px] dark:bg-white/10">{role}</span> : null}
      </button>
      <div
        hidden={!open}
        className="panel absolute right-0 z-30 mt-1 flex w-56 flex-col rounded-md border border-[var(--border)] p-1 shadow-lg"
      >
        <div className="muted truncate px-2 py-1 text-xs">{user.email}</div>
        <Link className="rounded px-2 py-1 hover:bg-black/5 dark:hover:bg-white/10" href="/account">
          Account and password
        </Link>
        {user.siteAdmin ? (
          <>
            <Link className="rounded px-2 py-1 hover:bg-black/5 dark:hover:bg-white/10" href="/users">
              Users
            </Link>
            <Link className="rounded px-2 py-1 hover:bg-black/5 dark:hover:bg-white/10" href="/workers">
              Workers
            </Link>
          </>
        ) : null}
        <button
          type="button"
          disabled={busy}
          onClick={signOut}
          className="rounded px-2 py-1 text-left hover:bg-black/5 dark:hover:bg-white/10"
        >
          Sign out
        </button>
      </div>
    </div>
  );
}
