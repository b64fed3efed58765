"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { STAGE_KEYS, STAGE_NAMES } from "../../domain/funnel/stages";
import { useTRPC } from "../trpc/client";
import { ChartCard } from "./chart-card";
import { inOrder, STAGE_COLOURS } from "./format";
import { CardsBehind, type Picked } from "./cards-behind";
import type { MetricsInput } from "./section";
import { Section } from "./section";

export function FlowSection({ input }: { input: MetricsInput }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.metrics.flow.queryOptions(input));
  const cfd = query.data?.cumulativeFlow ?? [];
  const weeks = query.data?.throughput ?? [];
  const stages = [...STAGE_KEYS].reverse();
  const [picked, setPicked] = useState<Picked | null>(null);
  return (
    <Section title="Flow" id="flow" query={query}>
      <div className="grid gap-3 lg:grid-cols-2">
        <ChartCard
          title="Cumulative flow"
          description="Items in each stage at the end of each day."
          rows={cfd.some((d) => STAGE_KEYS.some((s) => d[s] > 0)) ? cfd : []}
          file="cumulative-flow"
          empty="No cards on the board in this range."
          columns={[
            { key: "date", label: "Day", value: (r) => r.date },
            ...STAGE_KEYS.map((s) => ({ key: s, label: STAGE_NAMES[s], value: (r: (typeof cfd)[number]) => r[s] })),
          ]}
        >
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={cfd}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="date" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip
                itemSorter={inOrder(STAGE_KEYS)}
                allowEscapeViewBox={{ x: false, y: true }}
                wrapperStyle={{ zIndex: 20 }}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inOrder(STAGE_KEYS)} />
              {stages.map((s) => (
                <Area
                  key={s}
                  type="stepAfter"
                  dataKey={s}
                  name={STAGE_NAMES[s]}
                  stackId="flow"
                  stroke={STAGE_COLOURS[s]}
                  fill={STAGE_COLOURS[s]}
                  fillOpacity={0.6}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        </ChartCard>
        <ChartCard
          title="Throughput"
          description="Items that reached Live, per week (weeks start on Monday)."
          rows={weeks.some((w) => w.items > 0) ? weeks : []}
          file="throughput"
          empty="No card reached Live in this range."
          columns={[
            { key: "week", label: "Week of", value: (r) => r.week },
            { key: "items", label: "Items live", value: (r) => r.items },
          ]}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={weeks}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="week" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip />
              <Bar
                dataKey="items"
                name="Items live"
                fill={STAGE_COLOURS.live}
                cursor="pointer"
                onClick={(bar: { payload?: unknown }) => {
                  const week = (bar.payload as (typeof weeks)[number] | undefined)?.week;
                  if (week) setPicked({ series: "live", week, label: `Reached Live in the week of ${week}` });
                }}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </div>
      <CardsBehind input={input} picked={picked} onClose={() => setPicked(null)} />
    </Section>
  );
}
