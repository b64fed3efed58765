"use client";

import { WebLink } from "../ui/web-link";
import { Table } from "../ui/table";
import { useQuery } from "@tanstack/react-query";
import { formatDuration } from "../../domain/time/relative";
import { Pill, toneOf } from "../board/badges";
import Link from "next/link";
import { PageHeader } from "../project/project-nav";
import { useTRPC } from "../trpc/client";
import { RelativeTime } from "../ui/relative-time";
import { Stat } from "../ui/stat";
import { FlakyTests } from "./flaky-tests";
import { QueryStatus } from "../ui/query-status";

const percent = (rate: number | null) => (rate === null ? "–" : `${Math.round(rate * 100)}%`);

/** Recent CI builds and test runs, their pass rates, and the flakiest tests. */
export function PipelineView({ project }: { project: string }) {
  const trpc = useTRPC();
  const pipeline = useQuery(trpc.pipeline.get.queryOptions({ project }));
  const data = pipeline.data;
  return (
    <div>
      <PageHeader slug={project} title="Pipeline" current="/pipeline" />
      <main className="mx-auto max-w-5xl space-y-8 p-6">
        <QueryStatus query={pipeline} />
        {data && (
          <>
            <section aria-label="Pass rates" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat
                label="Build pass rate"
                value={percent(data.buildPassRate)}
                hint={`last ${data.builds.length} builds`}
              />
              {data.suites.map((s) => (
                <Stat
                  key={s.suite}
                  label={`${s.suite} suite`}
                  value={percent(s.passRate)}
                  hint={`${s.runs} run${s.runs === 1 ? "" : "s"} without a failing test`}
                />
              ))}
            </section>
            <section aria-labelledby="builds-heading">
              <h2 id="builds-heading" className="mb-2 text-[15px] font-semibold">
                Recent builds
              </h2>
              {data.builds.length === 0 ? (
                <p className="muted panel rounded-md p-4 text-[13px]">
                  No build reported yet. Have your CI server POST to /api/v1/projects/{project}/builds with a
                  builds:write token (see Settings).
                </p>
              ) : (
                <Table
                  caption="Recent builds"
                  rows={data.builds}
                  rowKey={(b) => b.id}
                  columns={[
                    {
                      header: "Status",
                      cell: (b) => (
                        <Pill tone={toneOf(b.status)} label={b.status} title={`Build ${b.buildId}: ${b.status}`} />
                      ),
                    },
                    {
                      header: "Build",
                      cell: (b) => (
                        <>
                          <WebLink href={b.url}>{b.buildId}</WebLink>{" "}
                          <span className="muted font-mono text-xs">{b.commitSha.slice(0, 7)}</span>
                        </>
                      ),
                    },
                    { header: "Branch", cell: (b) => b.branch },
                    {
                      header: "Tests",
                      cell: (b) =>
                        b.testsPassed === null
                          ? "–"
                          : `${b.testsPassed} passed${b.testsFailed ? `, ${b.testsFailed} failed` : ""}`,
                    },
                    {
                      header: "Duration",
                      className: "muted",
                      cell: (b) =>
                        b.startedAt && b.finishedAt
                          ? formatDuration(b.finishedAt.getTime() - b.startedAt.getTime())
                          : "–",
                    },
                    { header: "When", className: "muted text-xs", cell: (b) => <RelativeTime date={b.createdAt} /> },
                  ]}
                />
              )}
            </section>
            <section aria-labelledby="runs-heading">
              <h2 id="runs-heading" className="mb-2 text-[15px] font-semibold">
                Recent test runs
              </h2>
              {data.runs.length === 0 ? (
                <p className="muted panel rounded-md p-4 text-[13px]">
                  No test run yet. Send JUnit XML to /api/v1/projects/{project}/test-runs?suite=unit&amp;build=ID with a
                  tests:write token.
                </p>
              ) : (
                <Table
                  caption="Recent test runs"
                  rows={data.runs}
                  rowKey={(r) => r.id}
                  columns={[
                    {
                      header: "Suite",
                      cell: (r) => (
                        <Pill
                          tone={r.failed ? "red" : "green"}
                          label={r.suite}
                          title={r.failed ? "Failing tests" : "All tests passed"}
                        />
                      ),
                    },
                    {
                      header: "Of",
                      className: "text-xs",
                      cell: (r) =>
                        r.buildId ? (
                          `build ${r.buildId}`
                        ) : r.deploymentId ? (
                          <Link
                            href={`/p/${project}/deployments/${r.deploymentId}`}
                            className="text-blue-700 underline dark:text-blue-400"
                          >
                            deployment {r.deploymentId}
                          </Link>
                        ) : (
                          <span className="font-mono">{r.commitSha?.slice(0, 7)}</span>
                        ),
                    },
                    { header: "Passed", cell: (r) => r.passed },
                    { header: "Failed", cell: (r) => r.failed },
                    { header: "Skipped", cell: (r) => r.skipped },
                    { header: "Flaky", cell: (r) => r.flaky },
                    { header: "When", className: "muted text-xs", cell: (r) => <RelativeTime date={r.createdAt} /> },
                  ]}
                />
              )}
            </section>
            <section aria-labelledby="flaky-heading">
              <h2 id="flaky-heading" className="mb-2 text-[15px] font-semibold">
                Flakiest tests (30 days)
              </h2>
              {data.flaky.length === 0 ? (
                <p className="muted panel rounded-md p-4 text-[13px]">
                  No flaky test: none failed and passed for the same commit.
                </p>
              ) : (
                <FlakyTests tests={data.flaky} />
              )}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
