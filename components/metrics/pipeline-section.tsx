"use client";

import { useQuery } from "@tanstack/react-query";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { FlakyTests } from "../pipeline/flaky-tests";
import { useTRPC } from "../trpc/client";
import { ChartCard } from "./chart-card";
import { duration, percent } from "./format";
import type { MetricsInput } from "./section";
import { Stat } from "../ui/stat";
import { Section } from "./section";

/** Build and regression pass rates, flaky tests, deployment durations, and a per-environment timeline of deployments and alerts. */
export function PipelineSection({ input }: { input: MetricsInput }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.metrics.pipeline.queryOptions(input));
  const data = query.data;
  const environments = [
    ...new Set([
      ...(data?.timeline.deployments ?? []).map((d) => d.environment),
      ...(data?.timeline.alerts ?? []).map((a) => a.environment),
    ]),
  ];
  const lane = (environment: string) => environments.indexOf(environment);
  const events = [
    ...(data?.timeline.deployments ?? []).map((d) => ({
      at: new Date(d.finishedAt!).getTime(),
      lane: lane(d.environment),
      kind: "deployment",
      label: `${d.purpose} ${d.version} → ${d.environment}: ${d.status}`,
      environment: d.environment,
      status: d.status,
    })),
    ...(data?.timeline.alerts ?? []).map((a) => ({
      at: new Date(a.startsAt).getTime(),
      lane: lane(a.environment),
      kind: "alert",
      label: `${a.severity} alert ${a.name} on ${a.environment}`,
      environment: a.environment,
      status: a.status,
    })),
  ].sort((a, b) => a.at - b.at);
  return (
    <Section title="Pipeline health" id="pipeline-health" query={query}>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat
          label="Build pass rate"
          value={percent(data?.buildPassRate)}
          hint={`${data?.builds ?? 0} finished builds`}
        />
        {(data?.suites ?? []).map((s) => (
          <Stat key={s.suite} label={`${s.suite} pass rate`} value={percent(s.passRate)} hint={`${s.runs} runs`} />
        ))}
        {(data?.deploymentDurations ?? []).map((d) => (
          <Stat
            key={d.environment}
            label={`Deploy to ${d.environment}`}
            value={`p50 ${duration(d.p50)}`}
            hint={`p95 ${duration(d.p95)} · ${d.count} deployments`}
          />
        ))}
      </div>
      <ChartCard
        title="Deployments and alerts per environment"
        rows={events}
        file="timeline"
        empty="No deployment or alert in this range."
        columns={[
          { key: "at", label: "Time", value: (r) => new Date(r.at).toISOString() },
          { key: "environment", label: "Environment", value: (r) => r.environment },
          { key: "kind", label: "Kind", value: (r) => r.kind },
          { key: "label", label: "What", value: (r) => r.label },
        ]}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ left: 10 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="at"
              domain={["auto", "auto"]}
              tickFormatter={(v: number) => new Date(v).toISOString().slice(5, 10)}
              fontSize={11}
            />
            <YAxis
              type="number"
              dataKey="lane"
              ticks={environments.map((_, i) => i)}
              tickFormatter={(v: number) => environments[v] ?? ""}
              domain={[-0.5, environments.length - 0.5]}
              fontSize={11}
            />
            <ZAxis range={[60, 60]} />
            <Tooltip
              formatter={(_value, _name, item) => [
                (item.payload as { label: string }).label,
                new Date((item.payload as { at: number }).at).toLocaleString(),
              ]}
            />
            <Scatter name="Deployments" data={events.filter((e) => e.kind === "deployment")} fill="#3b82f6" />
            <Scatter name="Alerts" data={events.filter((e) => e.kind === "alert")} fill="#ef4444" shape="diamond" />
          </ScatterChart>
        </ResponsiveContainer>
      </ChartCard>
      {data && data.flaky.length > 0 && (
        <div>
          <h3 className="mb-1 text-[14px] font-semibold">Flakiest tests</h3>
          <FlakyTests tests={data.flaky} />
        </div>
      )}
    </Section>
  );
}
