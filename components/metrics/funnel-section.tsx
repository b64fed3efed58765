"use client";

import { useState } from "react";

import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { useTRPC } from "../trpc/client";
import { ChartCard } from "./chart-card";
import { inOrder, percent } from "./format";
import { CardsBehind, type Picked } from "./cards-behind";
import type { MetricsInput } from "./section";
import { Stat } from "../ui/stat";
import { Section } from "./section";

const SERIES = ["entered", "reachedNext", "rejected", "sentBack"];

export function FunnelSection({ input }: { input: MetricsInput }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.metrics.funnel.queryOptions(input));
  const data = query.data;
  const rows = (data?.stages ?? []).map((s) => ({ ...s, name: STAGE_NAMES[s.stage as StageKey] }));
  const empty = rows.every((r) => r.entered === 0);
  const [picked, setPicked] = useState<Picked | null>(null);
  // A click on a bar lists the cards behind it.
  const pick = (series: "entered" | "reachedNext") => (bar: { payload?: unknown }) => {
    const row = bar.payload as (typeof rows)[number] | undefined;
    if (!row) return;
    setPicked({
      series,
      stage: row.stage as StageKey,
      label: series === "entered" ? `Entered ${row.name}` : `Went on from ${row.name}`,
    });
  };
  return (
    <Section title="Funnel" id="funnel" query={query}>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat
          label="Ideas accepted as stories"
          value={percent(data?.ideaToStory)}
          hint="of the ideas captured in the range"
        />
        <Stat
          label="Stories that reached Live"
          value={percent(data?.storyToLive)}
          hint="of the stories started in the range"
        />
        <Stat label="Rejected" value={String(rows.reduce((n, r) => n + r.rejected, 0))} />
        <Stat
          label="Sent back"
          value={String(rows.reduce((n, r) => n + r.sentBack, 0))}
          hint="moves to an earlier stage"
        />
      </div>
      <ChartCard
        title="Items per stage"
        description="Items that entered each stage in the range; how many went on to the next stage; where items were rejected or sent back from."
        rows={empty ? [] : rows}
        file="funnel"
        empty="No card entered a stage in this range."
        columns={[
          { key: "stage", label: "Stage", value: (r) => r.name },
          { key: "entered", label: "Entered", value: (r) => r.entered },
          { key: "next", label: "Went on", value: (r) => r.reachedNext },
          { key: "conversion", label: "Conversion", value: (r) => percent(r.conversion) },
          { key: "rejected", label: "Rejected", value: (r) => r.rejected },
          { key: "sentBack", label: "Sent back", value: (r) => r.sentBack },
        ]}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip formatter={(value, name) => [value, name]} itemSorter={inOrder(SERIES)} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inOrder(SERIES)} />
            <Bar dataKey="entered" name="Entered" fill="#60a5fa" cursor="pointer" onClick={pick("entered")} />
            <Bar
              dataKey="reachedNext"
              name="Went on to the next stage"
              fill="#22c55e"
              cursor="pointer"
              onClick={pick("reachedNext")}
            />
            <Bar dataKey="rejected" name="Rejected" fill="#ef4444" />
            <Bar dataKey="sentBack" name="Sent back" fill="#f59e0b" />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <CardsBehind input={input} picked={picked} onClose={() => setPicked(null)} />
    </Section>
  );
}
