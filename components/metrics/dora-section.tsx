"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../trpc/client";
import { duration, percent } from "./format";
import type { MetricsInput } from "./section";
import { Stat } from "../ui/stat";
import { Section } from "./section";

const BAND_TONE: Record<string, string> = {
  elite: "text-emerald-700 dark:text-emerald-400",
  high: "text-blue-700 dark:text-blue-400",
  medium: "text-amber-700 dark:text-amber-400",
  low: "text-red-700 dark:text-red-400",
};

function Trend({
  now,
  before,
  better,
  format,
}: {
  now: number | null;
  before: number | null;
  better: "up" | "down";
  format: (v: number) => string;
}) {
  if (now === null || before === null) return <span>no earlier figure to compare</span>;
  if (now === before) return <span>same as the previous period</span>;
  const up = now > before;
  const good = up === (better === "up");
  return (
    <span className={good ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
      {up ? "▲" : "▼"} from {format(before)} the previous period
    </span>
  );
}

/** The DORA four keys for live, each with its trend against the previous period and its band. */
export function DoraSection({ input }: { input: MetricsInput }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.metrics.dora.queryOptions(input));
  const data = query.data;
  const now = data?.current;
  const before = data?.previous;
  const band = (key: keyof NonNullable<NonNullable<typeof data>["bands"]>) => data?.bands?.[key] ?? null;
  const perWeek = (v: number) => `${(v * 7).toFixed(1)}/week`;
  return (
    <Section title="Delivery (DORA, live environment)" id="dora" query={query}>
      {data && !now ? (
        <p className="muted text-[13px]">This project has no live environment.</p>
      ) : (
        data &&
        now && (
          <>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <Stat
                label="Deployment frequency"
                value={now.deployments ? perWeek(now.deploymentsPerDay) : "none"}
                tone={band("deploymentFrequency") ? BAND_TONE[band("deploymentFrequency")!] : ""}
                hint={
                  <>
                    {now.deployments} promotion{now.deployments === 1 ? "" : "s"} · {band("deploymentFrequency")} <br />
                    <Trend
                      now={now.deploymentsPerDay}
                      before={before?.deploymentsPerDay ?? null}
                      better="up"
                      format={perWeek}
                    />
                  </>
                }
              />
              <Stat
                label="Lead time for changes"
                value={duration(now.leadTimeMs)}
                tone={band("leadTime") ? BAND_TONE[band("leadTime")!] : ""}
                hint={
                  <>
                    median, first commit → live · {band("leadTime") ?? "no change went live"} <br />
                    <Trend now={now.leadTimeMs} before={before?.leadTimeMs ?? null} better="down" format={duration} />
                  </>
                }
              />
              <Stat
                label="Change failure rate"
                value={percent(now.changeFailureRate)}
                tone={band("changeFailureRate") ? BAND_TONE[band("changeFailureRate")!] : ""}
                hint={
                  <>
                    {now.failed.length} of the promotions · {band("changeFailureRate") ?? "no promotion"} <br />
                    <Trend
                      now={now.changeFailureRate}
                      before={before?.changeFailureRate ?? null}
                      better="down"
                      format={percent}
                    />
                  </>
                }
              />
              <Stat
                label="Failed deployment recovery time"
                value={duration(now.recoveryMs)}
                tone={band("recovery") ? BAND_TONE[band("recovery")!] : ""}
                hint={
                  <>
                    median · {band("recovery") ?? "nothing to recover from"} <br />
                    <Trend now={now.recoveryMs} before={before?.recoveryMs ?? null} better="down" format={duration} />
                  </>
                }
              />
            </div>
            {now.failed.length > 0 && (
              <p className="text-[13px]">
                Failed:{" "}
                {now.failed.map((f, index) => (
                  <span key={f.deploymentId}>
                    {index > 0 && ", "}
                    <Link
                      href={`/p/${input.project}/deployments/${f.deploymentId}`}
                      className="text-blue-700 underline dark:text-blue-400"
                    >
                      deployment {f.deploymentId}
                    </Link>{" "}
                    ({f.cause})
                  </span>
                ))}
                .
              </p>
            )}
            <details className="panel rounded-md p-3 text-xs">
              <summary className="cursor-pointer font-medium">Definitions and bands</summary>
              <ul className="mt-2 list-disc space-y-1 pl-4">
                <li>
                  Deployment frequency: successful promotions to live in the range, per week.{" "}
                  {data.bandDefinitions.deploymentFrequency}.
                </li>
                <li>
                  Lead time for changes: median time from a card&apos;s first commit (or first pull request) to the
                  first time its release went live; only a release&apos;s own cards count, so a first deployment does
                  not claim the whole history. {data.bandDefinitions.leadTime}.
                </li>
                <li>
                  Change failure rate: promotions in the range that failed, were rolled back, or were followed by a
                  critical alert within {data.windowHours} h — an alert counts only against the deployment that was live
                  when it started — over all promotions. {data.bandDefinitions.changeFailureRate}.
                </li>
                <li>
                  Failed deployment recovery time: median time from the failure (the bad release going live, the alert,
                  or the failed step) to the next successful live deployment or rollback.{" "}
                  {data.bandDefinitions.recovery}.
                </li>
                <li>
                  Trends compare with the period of the same length just before. Bands follow the State of DevOps 2023
                  report.
                </li>
              </ul>
            </details>
          </>
        )
      )}
    </Section>
  );
}
