"use client";

import { Table } from "../ui/table";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { errorDetails } from "../ui/errors";
import { InstanceHeader } from "../access/instance-header";
import type { AccessUser } from "../access/access";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { QueryStatus } from "../ui/query-status";
import { toast } from "../ui/toaster";

const CONTROL = "h-8 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-[13px]";

/** Every account of the instance: create one, disable or enable it, make it an instance admin. */
export function UsersView({ me }: { me: AccessUser }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions());
  const projects = useQuery(trpc.project.list.queryOptions());
  const refresh = () => client.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  const fail = (title: string) => (error: unknown) => toast.error(title, [errorDetails(error).message]);
  const create = useMutation(
    trpc.user.create.mutationOptions({ onSuccess: refresh, onError: fail("The account was not created") }),
  );
  const disable = useMutation(
    trpc.user.setDisabled.mutationOptions({ onSuccess: refresh, onError: fail("The account was not changed") }),
  );
  const admin = useMutation(
    trpc.user.setAdmin.mutationOptions({ onSuccess: refresh, onError: fail("The account was not changed") }),
  );
  const slug = (id: number) => projects.data?.find((p) => p.id === id)?.slug ?? `#${id}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const made = await create
      .mutateAsync({
        email: String(form.get("email")),
        password: String(form.get("password")),
        name: String(form.get("name") || "") || null,
        siteAdmin: form.get("siteAdmin") === "on",
      })
      .catch(() => null);
    if (made) {
      toast.success(`Account created for ${made.email}`, ["Give them a role on a project's Members page."]);
      formElement.reset();
    }
  }

  return (
    <div>
      <InstanceHeader me={me} title="Users" />
      <main className="mx-auto max-w-5xl space-y-6 p-6 text-[13px]">
        <QueryStatus query={users} />
        {users.data && (
          <Table
            caption="Users"
            rows={users.data}
            rowKey={(u) => u.id}
            columns={[
              {
                header: "Person",
                cell: (u) => (
                  <>
                    <div>{u.name}</div>
                    <div className="muted text-xs">{u.email}</div>
                  </>
                ),
              },
              {
                header: "Projects",
                className: "text-xs",
                cell: (u) =>
                  u.siteAdmin
                    ? "all (admin)"
                    : u.projects.map((p) => `${slug(p.projectId)}: ${p.role}`).join(", ") || "none",
              },
              {
                header: "Instance admin",
                cell: (u) => (
                  <input
                    type="checkbox"
                    aria-label={`${u.email} is an instance admin`}
                    checked={u.siteAdmin}
                    onChange={(e) => admin.mutate({ email: u.email, admin: e.target.checked })}
                  />
                ),
              },
              {
                header: "Status",
                cell: (u) => (
                  <>
                    {u.disabled ? <span className="text-red-700 dark:text-red-400">Disabled</span> : "Active"}
                    {u.email !== me.email && (
                      <Button
                        variant="ghost"
                        className="ml-2 h-6 text-xs"
                        onClick={() => disable.mutate({ email: u.email, disabled: !u.disabled })}
                      >
                        {u.disabled ? "Enable" : "Disable"}
                      </Button>
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
        <section className="panel space-y-3 rounded-md p-4" aria-labelledby="new-user">
          <h2 id="new-user" className="font-medium">
            Create an account
          </h2>
          <p className="muted text-xs">
            To let someone choose their own password, invite them from a project&apos;s Members page instead.
          </p>
          <form className="flex flex-wrap items-end gap-2" onSubmit={submit}>
            <label className="flex flex-col gap-1">
              <span className="text-xs font-medium">Email</span>
              <input name="email" type="email" required className={`${CONTROL} w-56`} />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-xs font-medium">Name</span>
              <input name="name" className={`${CONTROL} w-40`} />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-xs font-medium">Password</span>
              <input
                name="password"
                type="password"
                required
                minLength={8}
                autoComplete="new-password"
                className={`${CONTROL} w-40`}
              />
            </label>
            <label className="flex items-center gap-1 pb-2">
              <input name="siteAdmin" type="checkbox" />
              <span className="text-xs">Instance admin</span>
            </label>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              Create account
            </Button>
          </form>
        </section>
      </main>
    </div>
  );
}
