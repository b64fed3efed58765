"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PageHeader } from "../project/project-nav";
import { useTRPC } from "../trpc/client";
import { Deliveries } from "./deliveries";
import { GithubToken } from "./github-token";
import { ImportSection } from "./import-section";
import { Tokens } from "./tokens";
import { WebhookSetup } from "./webhook-setup";
import { QueryStatus } from "../ui/query-status";

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
        <QueryStatus query={settings} />
        {settings.data && (
          <>
            <WebhookSetup
              webhook={settings.data.webhook}
              repo={settings.data.project.repo}
              onRegenerate={() => regenerate.mutateAsync({ project })}
            />
            <Deliveries project={project} deliveries={settings.data.deliveries} onReplayed={refresh} />
            <GithubToken project={project} current={settings.data.githubToken} onChanged={refresh} />
            <Tokens project={project} tokens={settings.data.tokens} onChanged={refresh} />
            <ImportSection project={project} />
          </>
        )}
      </main>
    </div>
  );
}
