"use client";

import { Table } from "../ui/table";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES, type Role } from "@/domain/access/roles";
import { useAccess } from "../access/access";
import { errorDetails } from "../ui/errors";
import { PageHeader } from "../project/project-nav";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { QueryStatus } from "../ui/query-status";
import { RelativeTime } from "../ui/relative-time";
import { toast } from "../ui/toaster";

const CONTROL = "h-8 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-[13px]";

/** Who may do what in the project: members and their roles, and invitation links to copy. */
export function MembersView({ project }: { project: string }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const access = useAccess();
  const admin = access.allows("admin");
  const members = useQuery(trpc.member.list.queryOptions({ project }));
  const refresh = () => client.invalidateQueries({ queryKey: trpc.member.list.queryKey({ project }) });
  const fail = (title: string) => (error: unknown) => toast.error(title, [errorDetails(error).message]);
  const setRole = useMutation(
    trpc.member.setRole.mutationOptions({ onSuccess: refresh, onError: fail("The role was not changed") }),
  );
  const remove = useMutation(
    trpc.member.remove.mutationOptions({ onSuccess: refresh, onError: fail("The member was not removed") }),
  );
  const revoke = useMutation(
    trpc.member.revokeInvite.mutationOptions({ onSuccess: refresh, onError: fail("The invitation was not revoked") }),
  );
  const invite = useMutation(
    trpc.member.invite.mutationOptions({ onSuccess: refresh, onError: fail("No invitation was made") }),
  );
  const [link, setLink] = useState<string | null>(null);

  async function submitInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const created = await invite
      .mutateAsync({ project, email: String(form.get("email")), role: String(form.get("role")) as Role })
      .catch(() => null);
    if (created) setLink(`${window.location.origin}${created.path}`);
  }

  return (
    <div>
      <PageHeader slug={project} title="Members" current="/members" />
      <main className="mx-auto max-w-4xl space-y-6 p-6 text-[13px]">
        <QueryStatus query={members} />
        {members.data && (
          <Table
            caption="Members"
            rows={members.data.members}
            rowKey={(m) => m.userId}
            empty="No members yet. Instance admins see every project; invite others below."
            columns={[
              {
                header: "Person",
                cell: (m) => (
                  <>
                    <div>{m.name}</div>
                    <div className="muted text-xs">{m.email}</div>
                  </>
                ),
              },
              {
                header: "Role",
                cell: (m) => (
                  <select
                    aria-label={`Role of ${m.email}`}
                    className={CONTROL}
                    value={m.role}
                    disabled={!admin}
                    title={access.why("admin")}
                    onChange={(e) => setRole.mutate({ project, email: m.email, role: e.target.value as Role })}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                ),
              },
              { header: "Since", className: "muted text-xs", cell: (m) => <RelativeTime date={m.createdAt} /> },
              {
                header: "Actions",
                srOnly: true,
                className: "text-right",
                cell: (m) => (
                  <Button
                    variant="ghost"
                    disabled={!admin}
                    title={access.why("admin")}
                    onClick={() => remove.mutate({ project, email: m.email })}
                  >
                    Remove
                  </Button>
                ),
              },
            ]}
          />
        )}

        <section className="panel space-y-3 rounded-md p-4" aria-labelledby="invite-title">
          <h2 id="invite-title" className="font-medium">
            Invite someone
          </h2>
          <p className="muted text-xs">
            No mail is sent: copy the link and pass it on. It works once, for 7 days. People with an account get the
            role when they open it.
          </p>
          <form className="flex flex-wrap items-end gap-2" onSubmit={submitInvite}>
            <label className="flex flex-col gap-1">
              <span className="text-xs font-medium">Email</span>
              <input name="email" type="email" required className={`${CONTROL} w-64`} disabled={!admin} />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-xs font-medium">Role</span>
              <select name="role" className={CONTROL} defaultValue="member" disabled={!admin}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" variant="primary" disabled={!admin || invite.isPending} title={access.why("admin")}>
              Create invitation link
            </Button>
          </form>
          {link && (
            <div role="status" className="space-y-1">
              <div className="text-xs font-medium">Invitation link (shown once)</div>
              <div className="flex gap-2">
                <input
                  readOnly
                  aria-label="Invitation link"
                  value={link}
                  className={`${CONTROL} flex-1 font-mono text-xs`}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <Button
                  onClick={() => void navigator.clipboard?.writeText(link).then(() => toast.success("Link copied"))}
                >
                  Copy
                </Button>
              </div>
            </div>
          )}
          {members.data && members.data.invites.length > 0 && (
            <ul className="space-y-1" aria-label="Open invitations">
              {members.data.invites.map((i) => (
                <li key={i.id} className="flex items-center gap-2">
                  <span>{i.email}</span>
                  <span className="muted text-xs">
                    as {i.role}, expires <RelativeTime date={i.expiresAt} />
                  </span>
                  <Button
                    variant="ghost"
                    className="h-6 text-xs"
                    disabled={!admin}
                    onClick={() => revoke.mutate({ project, id: i.id })}
                  >
                    Revoke
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
