"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { deploymentState } from "../../domain/release/deployment-state";
import { Pill } from "../board/badges";
import { PageHeader } from "../project/project-nav";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { useReleaseActions } from "./use-releases";
import { QueryStatus } from "../ui/query-status";

/** One deployment: its state, its live log, its regression results, its cards and its events. */
export function DeploymentView({ project, id }: { project: string; id: number }) {
  const trpc = useTRPC();
  const deployment = useQuery({
    ...trpc.release.deployment.queryOptions({ id }),
    // The log streams in while it runs.
    refetchInterval: (query) => (query.state.data && query.state.data.finishedAt === null ? 1000 : false),
  });
  const actions = useReleaseActions(project);
  const logRef = useRef<HTMLPreElement>(null);
  const d = deployment.data;
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [d?.log]);
  const state = d ? deploymentState({ ...d, verification: d.verifyStatus }) : null;
  return (
    <div>
      <PageHeader slug={project} title={d ? `Deployment ${d.id}` : "Deployment"} current="/deployments" />
      <main className="mx-auto max-w-5xl space-y-6 p-6 text-[13px]">
        <QueryStatus query={deployment} />
        {d && state && (
          <>
            <section className="flex flex-wrap items-center gap-3">
              <h2 className="text-lg font-semibold">
                {d.purpose === "deploy" ? "Deploy" : d.purpose === "promote" ? "Promote" : "Roll back to"}{" "}
                {d.release.version} → {d.environment}
                {d.slot ? ` (${d.slot})` : ""}
              </h2>
              <span role="status" aria-label={`Deployment state: ${state.label}`}>
                <Pill tone={state.tone} label={state.label} title={state.title} />
              </span>
              <span className="muted">
                by {d.triggeredBy} · queued <RelativeTime date={d.queuedAt} />
                {d.finishedAt && (
                  <>
                    {" "}
                    · finished <RelativeTime date={d.finishedAt} />
                  </>
                )}
              </span>
              {d.finishedAt === null && (
                <Button
                  needs="release-manager"
                  variant="danger"
                  className="ml-auto h-7 text-xs"
                  onClick={() => actions.cancel.mutate({ id: d.id })}
                >
                  Cancel
                </Button>
              )}
              <Link href={`/p/${project}/releases`} className="text-blue-700 hover:underline dark:text-blue-400">
                All releases
              </Link>
            </section>
            {d.error && (
              <p
                role="alert"
                className="rounded-md border border-red-600/30 bg-red-50 p-3 text-red-800 dark:bg-red-500/10 dark:text-red-300"
              >
                {d.error}
              </p>
            )}
            <section aria-labelledby="log-heading">
              <h3 id="log-heading" className="mb-1 font-semibold">
                Log
              </h3>
              <pre
                ref={logRef}
                aria-label="Deployment log"
                className="panel max-h-[420px] overflow-auto rounded-md p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap"
              >
                {d.log ||
                  (d.status === "queued" ? "Waiting for the deployment before it on this slot…" : "No output yet.")}
              </pre>
            </section>
            <section aria-labelledby="tests-heading">
              <h3 id="tests-heading" className="mb-1 font-semibold">
                Regression
              </h3>
              {d.testRuns.length === 0 ? (
                <p className="muted">
                  No regression results{d.verifyStatus === "running" ? " yet: the suite is running" : ""}.
                </p>
              ) : (
                <ul className="space-y-1">
                  {d.testRuns.map((run) => (
                    <li key={run.id}>
                      <Pill
                        tone={run.failed ? "red" : "green"}
                        label={run.suite}
                        title={`${run.passed} passed, ${run.failed} failed`}
                      />{" "}
                      {run.passed} passed, {run.failed} failed, {run.skipped} skipped
                    </li>
                  ))}
                  {d.failingTests.map((name) => (
                    <li key={name} className="text-red-700 dark:text-red-400">
                      ✗ {name}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="cards-heading">
              <h3 id="cards-heading" className="mb-1 font-semibold">
                Cards in {d.release.version}
              </h3>
              <ul className="space-y-0.5">
                {d.items.map((item) => (
                  <li key={item.id}>
                    <Link
                      href={`/p/${project}?item=${item.id}`}
                      className="font-mono text-blue-700 hover:underline dark:text-blue-400"
                    >
                      {item.key}
                    </Link>{" "}
                    {item.title} <span className="muted">({item.stage})</span>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="events-heading">
              <h3 id="events-heading" className="mb-1 font-semibold">
                Events
              </h3>
              <ol className="space-y-0.5">
                {d.events.map((event) => (
                  <li key={event.id} className="flex gap-2">
                    <span className="muted w-28 shrink-0 text-xs">
                      <RelativeTime date={event.at} />
                    </span>
                    <span className="font-medium">{event.type}</span>
                    <span className="muted">{event.actor}</span>
                  </li>
                ))}
              </ol>
            </section>
          </>
        )}
      </main>
    </div>
  );
}
