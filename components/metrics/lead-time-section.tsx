"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { useTRPC } from "../trpc/client";
import { ChartCard } from "./chart-card";
import { duration, hours, inOrder } from "./format";
import type { MetricsInput } from "./section";
import { Stat } from "../ui/stat";
import { Section } from "./section";

const SPANS = ["lead", "story", "cycle"];
const PERCENTILES = ["p50h", "p85h", "p95h"];

export function LeadTimeSection({ input }: { input: MetricsInput }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.metrics.leadTime.queryOptions(input));
  const data = query.data;
  const figures = data
    ? [
        { label: "Lead time (idea → live)", f: data.leadTime },
        { label: "Lead time (story → live)", f: data.storyLeadTime },
        { label: "Cycle time (code → live)", f: data.cycleTime },
      ]
    : [];
  const buckets = data
    ? data.leadTime.distribution.map((b, i) => ({
        bucket: b.bucket,
        lead: b.count,
        story: data.storyLeadTime.distribution[i].count,
        cycle: data.cycleTime.distribution[i].count,
      }))
    : [];
  const stages = (data?.timeInStage ?? []).map((s) => ({
    ...s,
    name: STAGE_NAMES[s.stage as StageKey],
    p50h: hours(s.p50),
    p85h: hours(s.p85),
    p95h: hours(s.p95),
  }));
  return (
    <Section title="Lead time and cycle time" id="lead-time" query={query}>
      <p className="muted text-xs">
        Over the {data?.finished ?? 0} items that reached Live in the range: lead time from the capture of the idea (or
        the creation of the story) to Live; cycle time from entering Code to Live.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        {figures.map(({ label, f }) => (
          <Stat
            key={label}
            label={label}
            value={`p50 ${duration(f.p50)}`}
            hint={`p85 ${duration(f.p85)} · p95 ${duration(f.p95)}`}
          />
        ))}
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <ChartCard
          title="Distribution"
          rows={data && data.finished > 0 ? buckets : []}
          file="lead-time-distribution"
          empty="No card reached Live in this range."
          columns={[
            { key: "bucket", label: "Duration", value: (r) => r.bucket },
            { key: "lead", label: "Idea → live", value: (r) => r.lead },
            { key: "story", label: "Story → live", value: (r) => r.story },
            { key: "cycle", label: "Code → live", value: (r) => r.cycle },
          ]}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={buckets}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="bucket" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip itemSorter={inOrder(SPANS)} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inOrder(SPANS)} />
              <Bar dataKey="lead" name="Idea → live" fill="#a1a1aa" />
              <Bar dataKey="story" name="Story → live" fill="#60a5fa" />
              <Bar dataKey="cycle" name="Code → live" fill="#818cf8" />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
        <ChartCard
          title="Time in each stage (hours)"
          description="Stays that ended in the range."
          rows={stages.some((s) => s.count > 0) ? stages : []}
          file="time-in-stage"
          empty="No card left a stage in this range."
          columns={[
            { key: "stage", label: "Stage", value: (r) => r.name },
            { key: "count", label: "Stays", value: (r) => r.count },
            { key: "p50", label: "p50 (h)", value: (r) => r.p50h },
            { key: "p85", label: "p85 (h)", value: (r) => r.p85h },
            { key: "p95", label: "p95 (h)", value: (r) => r.p95h },
          ]}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={stages}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" fontSize={11} />
              <YAxis fontSize={11} />
              <Tooltip formatter={(value) => [`${value} h`]} itemSorter={inOrder(PERCENTILES)} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inOrder(PERCENTILES)} />
              <Bar dataKey="p50h" name="p50" fill="#60a5fa" />
              <Bar dataKey="p85h" name="p85" fill="#818cf8" />
              <Bar dataKey="p95h" name="p95" fill="#f59e0b" />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </div>
      {data && data.longest.length > 0 && (
        <div className="panel rounded-md p-3">
          <h3 className="mb-1 text-[14px] font-semibold">Waited longest</h3>
          <ol className="space-y-0.5 text-[13px]">
            {data.longest.map((item) => (
              <li key={item.id} className="flex gap-2">
                <Link
                  href={`/p/${input.project}?item=${item.id}`}
                  className="font-mono text-blue-700 hover:underline dark:text-blue-400"
                >
                  {item.key}
                </Link>
                <span className="min-w-0 flex-1 truncate">{item.title}</span>
                <span className="muted">{duration(item.leadTimeMs)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Section>
  );
}
