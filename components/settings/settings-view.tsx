"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorDetails } from "../board/use-board";
import { PageHeader } from "../project/project-nav";
import { useTRPC } from "../trpc/client";
import { Deliveries } from "./deliveries";
import { GithubToken } from "./github-token";
import { Tokens } from "./tokens";
import { WebhookSetup } from "./webhook-setup";

/** A project's integrations: the GitHub webhook and its deliveries, and the API tokens of CI servers and scripts. */
export function SettingsView({ project }: { project: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.settings.get.queryOptions({ project }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey({ project }) });
  const regenerate = useMutation(trpc.settings.regenerateSecret.mutationOptions({ onSuccess: refresh }));
  return (
    <div>
      <PageHeader slug={project} title="Settings" current="/settings" />
      <main className="mx-auto max-w-4xl space-y-8 p-6">
        {settings.isPending && <p className="muted">Loading…</p>}
        {settings.isError && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {errorDetails(settings.error).message}
          </p>
        )}
        {settings.data && (
          <>
            <WebhookSetup webhook={settings.data.webhook} repo={settings.data.project.repo} onRegenerate={() => regenerate.mutateAsync({ project })} />
            <Deliveries deliveries={settings.data.deliveries} onReplayed={refresh} />
            <GithubToken project={project} current={settings.data.githubToken} onChanged={refresh} />
            <Tokens project={project} tokens={settings.data.tokens} onChanged={refresh} />
          </>
        )}
      </main>
    </div>
  );
}
