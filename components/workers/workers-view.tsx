"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { AccessUser } from "../access/access";
import { InstanceHeader } from "../access/instance-header";
import { Pill } from "../board/badges";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { errorDetails } from "../ui/errors";
import { Field, TextInput } from "../ui/field";
import { QueryStatus } from "../ui/query-status";
import { RelativeTime } from "../ui/relative-time";
import { Table } from "../ui/table";
import { toast } from "../ui/toaster";

const list = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * Where deploy steps run: each worker with its tags, its projects, its version and host, when it
 * was last seen and the job it runs; a new worker's token (shown once), and Revoke.
 */
export function WorkersView({ me }: { me: AccessUser }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const workers = useQuery({ ...trpc.worker.list.queryOptions(), refetchInterval: 5000 });
  const refresh = () => client.invalidateQueries({ queryKey: trpc.worker.list.queryKey() });
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const create = useMutation(trpc.worker.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(
    trpc.worker.revoke.mutationOptions({
      onSuccess: refresh,
      onError: (error) => toast.error("The worker was not revoked", [errorDetails(error).message]),
    }),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      const made = await create.mutateAsync({
        name: String(form.get("name") ?? ""),
        tags: list(form.get("tags")),
        projects: list(form.get("projects")),
      });
      setInvalid({});
      setCreated({ token: made.token, name: made.name });
      formElement.reset();
    } catch (error) {
      const details = errorDetails(error);
      setInvalid(details.fields);
      toast.error("The worker was not created", [details.message]);
    }
  }

  return (
    <div>
      <InstanceHeader me={me} title="Workers" />
      <main className="mx-auto max-w-5xl space-y-6 p-6 text-[13px]">
        <p className="muted">
          Deploy steps run on workers, never in Shiplane&apos;s server. An environment&apos;s steps go to a worker that
          has all its tags (* has every tag); a worker assigned to projects serves only them.
        </p>
        <QueryStatus query={workers} />
        {workers.data && (
          <Table
            caption="Workers"
            rows={workers.data}
            rowKey={(w) => w.id}
            empty="No worker yet. Create a token below and run `npx shiplane worker` on a deploy host."
            columns={[
              {
                header: "Worker",
                cell: (w) => (
                  <>
                    <div>
                      {w.name} {w.builtIn && <span className="muted text-xs">(built in)</span>}
                    </div>
                    <div className="muted font-mono text-xs">{w.prefix}…</div>
                  </>
                ),
              },
              {
                header: "State",
                cell: (w) => (
                  <Pill
                    tone={w.revokedAt ? "grey" : w.online ? "green" : "amber"}
                    label={w.revokedAt ? "revoked" : w.online ? "online" : "offline"}
                    title={w.lastSeenAt ? `Last seen ${w.lastSeenAt.toLocaleString()}` : "Never seen"}
                  />
                ),
              },
              { header: "Tags", className: "text-xs", cell: (w) => w.tags.join(", ") || "none" },
              { header: "Projects", className: "text-xs", cell: (w) => w.projects.join(", ") || "shared" },
              {
                header: "Host",
                className: "text-xs",
                cell: (w) => (w.hostname ? `${w.hostname}${w.version ? ` · ${w.version}` : ""}` : "–"),
              },
              {
                header: "Last seen",
                className: "muted text-xs",
                cell: (w) => (w.lastSeenAt ? <RelativeTime date={w.lastSeenAt} /> : "never"),
              },
              {
                header: "Job",
                className: "text-xs",
                cell: (w) => (w.job ? `${w.job.phase} (job ${w.job.id})` : "idle"),
              },
              {
                header: "Actions",
                srOnly: true,
                className: "text-right",
                cell: (w) =>
                  !w.revokedAt &&
                  !w.builtIn && (
                    <Button
                      variant="ghost"
                      className="text-red-700 dark:text-red-400"
                      onClick={() => revoke.mutate({ id: w.id })}
                      aria-label={`Revoke ${w.name}`}
                    >
                      Revoke
                    </Button>
                  ),
              },
            ]}
          />
        )}
        {created && (
          <div
            role="status"
            className="rounded-md border border-emerald-600/40 bg-emerald-50 p-3 text-[13px] dark:bg-emerald-500/10"
          >
            <p className="font-medium">Copy {created.name}&apos;s token now: it is not shown again.</p>
            <code className="mt-1 block break-all font-mono text-xs">{created.token}</code>
            <p className="muted mt-2 text-xs">
              On the deploy host:{" "}
              <code>SHIPLANE_WORKER_TOKEN=… npx shiplane worker --url {window.location.origin}</code>
            </p>
          </div>
        )}
        <section className="panel space-y-3 rounded-md p-4" aria-labelledby="new-worker">
          <h2 id="new-worker" className="font-medium">
            New worker
          </h2>
          <form className="grid gap-3 sm:grid-cols-3" onSubmit={submit}>
            <Field label="Name" error={invalid.name}>
              <TextInput name="name" required placeholder="eu-deploy-1" maxLength={100} />
            </Field>
            <Field label="Tags" hint="Comma-separated, e.g. eu, docker" error={invalid.tags}>
              <TextInput name="tags" />
            </Field>
            <Field label="Projects" hint="Slugs; empty: shared by every project" error={invalid.projects}>
              <TextInput name="projects" />
            </Field>
            <div className="sm:col-span-3">
              <Button type="submit" variant="primary" disabled={create.isPending}>
                Create worker token
              </Button>
            </div>
          </form>
        </section>
      </main>
    </div>
  );
}
