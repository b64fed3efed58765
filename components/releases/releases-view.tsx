"use client";

import { Table } from "../ui/table";
import Link from "next/link";
import { useState } from "react";
import { deploymentState } from "../../domain/release/deployment-state";
import { Pill } from "../board/badges";
import { PageHeader } from "../project/project-nav";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { EnvironmentCard } from "./environment-card";
import { PolicyBar } from "./policy-bar";
import { DeployDialog, type DeployRequest } from "./deploy-dialog";
import { PromoteDialog } from "./promote-dialog";
import {
  useReleaseActions,
  useReleases,
  type EnvironmentView,
  type ReleaseRow,
  type ReleasesData,
} from "./use-releases";
import { PromptDialog } from "../ui/prompt-dialog";
import { QueryStatus } from "../ui/query-status";

/** Releases × environments, in the style of a deployment dashboard, with Deploy / Promote / Roll back. */
export function ReleasesView({ project }: { project: string }) {
  const releases = useReleases(project);
  const actions = useReleaseActions(project);
  const [promoting, setPromoting] = useState<number | null>(null);
  const [deploying, setDeploying] = useState<DeployRequest | null>(null);
  const [signing, setSigning] = useState<{ id: number; key: string } | null>(null);
  const data = releases.data;
  return (
    <div>
      <PageHeader slug={project} title="Releases" current="/releases" />
      <main className="mx-auto max-w-6xl space-y-6 p-6">
        <QueryStatus query={releases} />
        {data && (
          <>
            <PolicyBar project={project} policy={data.policy} actions={actions} />
            <section aria-label="Environments" className="grid gap-3 md:grid-cols-2">
              {data.environments.map((environment) => (
                <EnvironmentCard
                  key={environment.id}
                  project={project}
                  environment={environment}
                  environments={data.environments}
                  actions={actions}
                />
              ))}
            </section>
            <ReleasesTable
              project={project}
              data={data}
              actions={actions}
              onPromote={setPromoting}
              onDeploy={setDeploying}
              onSignOff={setSigning}
            />
          </>
        )}
      </main>
      <PromoteDialog
        releaseId={promoting}
        busy={actions.promote.isPending}
        onClose={() => setPromoting(null)}
        onConfirm={({ reason, force }) => {
          if (promoting !== null)
            actions.promote.mutate({ releaseId: promoting, reason, force }, { onSettled: () => setPromoting(null) });
        }}
      />
      <DeployDialog
        request={deploying}
        busy={actions.deploy.isPending}
        onClose={() => setDeploying(null)}
        onConfirm={(request) =>
          actions.deploy.mutate(
            { releaseId: request.releaseId, environment: request.environment.name },
            { onSettled: () => setDeploying(null) },
          )
        }
      />
      <PromptDialog
        open={signing !== null}
        title={signing ? `Sign off manual QA for ${signing.key}?` : "Sign off QA?"}
        label="Note (optional)"
        hint="What was checked, and where. It is kept in the card's history."
        confirm="Sign off QA"
        busy={actions.signOff.isPending}
        onClose={() => setSigning(null)}
        onConfirm={(note) => {
          if (signing)
            actions.signOff.mutate({ id: signing.id, note: note || null }, { onSettled: () => setSigning(null) });
        }}
      />
    </div>
  );
}

function ReleasesTable({
  project,
  data,
  actions,
  onPromote,
  onDeploy,
  onSignOff,
}: {
  project: string;
  data: ReleasesData;
  actions: ReturnType<typeof useReleaseActions>;
  onPromote: (id: number) => void;
  onDeploy: (request: DeployRequest) => void;
  onSignOff: (item: { id: number; key: string }) => void;
}) {
  if (data.releases.length === 0) {
    return (
      <p className="muted panel rounded-md p-4 text-[13px]">
        No release yet. A green build of main that reports artifacts (POST /api/v1/projects/{project}/builds) makes one
        of what was merged since the previous release.
      </p>
    );
  }
  return (
    <Table
      caption="Releases and where they are deployed"
      rows={data.releases}
      rowKey={(release) => release.id}
      rowLabel={(release) => `Release ${release.version}`}
      columns={[
        {
          header: "Release",
          cell: (release) => (
            <>
              <div className="font-semibold">{release.version}</div>
              <div className="muted text-xs">
                <RelativeTime date={release.createdAt} /> ·{" "}
                <span className="font-mono">{release.commitSha.slice(0, 7)}</span>
              </div>
              <ReleaseItems project={project} release={release} onSignOff={onSignOff} />
              {release.alerts.length > 0 && (
                <ul aria-label={`Alerts while ${release.version} was live`} className="mt-1 space-y-0.5 text-xs">
                  {release.alerts.map((alert) => (
                    <li key={alert.id}>
                      <Pill
                        tone={alert.severity === "critical" ? "red" : "amber"}
                        label={`${alert.severity} ${alert.status}`}
                        title={alert.summary}
                      />{" "}
                      {alert.name} <RelativeTime date={alert.startsAt} />
                    </li>
                  ))}
                </ul>
              )}
              {release.pinned && (
                <p
                  className="mt-1 text-xs text-red-700 dark:text-red-400"
                  title="Automatic promotion leaves a rolled-back release alone."
                >
                  Pinned: {release.pinned}
                </p>
              )}
            </>
          ),
        },
        ...data.environments.map((environment, index) => ({
          header: environment.name,
          cell: (release: (typeof data.releases)[number]) => (
            <Cell
              project={project}
              release={release}
              environment={environment}
              cell={release.cells[index]}
              actions={actions}
              onDeploy={onDeploy}
              onPromote={onPromote}
            />
          ),
        })),
      ]}
    />
  );
}

function ReleaseItems({
  project,
  release,
  onSignOff,
}: {
  project: string;
  release: ReleaseRow;
  onSignOff: (item: { id: number; key: string }) => void;
}) {
  return (
    <ul className="mt-1 space-y-0.5 text-xs">
      {release.items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-1">
          <Link
            href={`/p/${project}?item=${item.id}`}
            className="font-mono text-blue-700 hover:underline dark:text-blue-400"
          >
            {item.key}
          </Link>
          <span className="max-w-56 truncate" title={item.title}>
            {item.title}
          </span>
          <span className="muted">({item.stage})</span>
          {item.needsManualQa &&
            (item.qaSignedOffAt ? (
              <Pill tone="green" label="QA ✓" title={`Signed off by ${item.qaSignedOffBy}`} />
            ) : (
              <Button
                needs="release-manager"
                variant="ghost"
                className="h-5 px-1 text-[11px] font-medium text-amber-800 ring-1 ring-amber-600/30 dark:text-amber-300"
                onClick={() => onSignOff({ id: item.id, key: item.key })}
                aria-label={`Sign off QA for ${item.key}`}
              >
                Sign off QA
              </Button>
            ))}
        </li>
      ))}
    </ul>
  );
}

function Cell({
  project,
  release,
  environment,
  cell,
  actions,
  onDeploy,
  onPromote,
}: {
  project: string;
  release: ReleaseRow;
  environment: EnvironmentView;
  cell: ReleaseRow["cells"][number];
  actions: ReturnType<typeof useReleaseActions>;
  onDeploy: (request: DeployRequest) => void;
  onPromote: (id: number) => void;
}) {
  const d = cell.deployment;
  const state = d ? deploymentState(d) : null;
  // A live environment changes only through promotion: its column offers Promote, never Deploy.
  const live = environment.kind === "live";
  const promotion = release.promotion;
  return (
    <div className="space-y-1">
      {d && state ? (
        <>
          <Link
            href={`/p/${project}/deployments/${d.id}`}
            className="inline-flex items-center gap-1 hover:underline"
            aria-label={`${release.version} on ${cell.environment}: ${state.label}`}
          >
            <Pill tone={state.tone} label={state.label} title={state.title} />
            {d.regression && (
              <span className="muted text-xs">
                {d.regression.passed}✓{d.regression.failed ? ` ${d.regression.failed}✗` : ""}
              </span>
            )}
          </Link>
          <div className="muted text-xs">
            {d.purpose !== "deploy" && `${d.purpose} · `}
            {d.slot && `${d.slot} · `}
            <RelativeTime date={d.queuedAt} /> · {d.by.replace(/^user:/, "")}
          </div>
          {d.forced !== null && <Pill tone="red" label="forced" title={`Forced past its gates: ${d.forced}`} />}
        </>
      ) : (
        <span className="muted text-xs">not deployed</span>
      )}
      <div className="flex gap-1">
        {d?.active ? (
          <Button
            needs="release-manager"
            variant="ghost"
            className="h-6 px-1.5 text-xs"
            onClick={() => actions.cancel.mutate({ id: d.id })}
          >
            Cancel
          </Button>
        ) : live ? (
          !d?.serving &&
          promotion &&
          !promotion.reasons.some((r) => r.endsWith("is already live.")) && (
            <Button
              needs="release-manager"
              variant={promotion.allowed ? "primary" : "secondary"}
              className="h-6 px-1.5 text-xs"
              onClick={() => onPromote(release.id)}
              title={promotion.allowed ? "Every gate is green" : promotion.reasons.join(" ")}
            >
              Promote…
            </Button>
          )
        ) : (
          !d?.serving && (
            <Button
              needs="release-manager"
              variant="ghost"
              className="h-6 px-1.5 text-xs"
              onClick={() => onDeploy({ releaseId: release.id, version: release.version, environment })}
              aria-label={`Deploy ${release.version} to ${cell.environment}`}
            >
              Deploy…
            </Button>
          )
        )}
      </div>
    </div>
  );
}
