"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { PageHeader } from "../project/project-nav";
import { Button } from "../ui/button";
import { DoraSection } from "./dora-section";
import { FlowSection } from "./flow-section";
import { FunnelSection } from "./funnel-section";
import { LeadTimeSection } from "./lead-time-section";
import { PipelineSection } from "./pipeline-section";

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The range in the URL (?from=YYYY-MM-DD&to=YYYY-MM-DD), the last 30 days by default. */
function useRange() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const today = isoDay(new Date());
  const to = params.get("to") ?? today;
  const from = params.get("from") ?? isoDay(new Date(new Date(`${to}T00:00:00Z`).getTime() - 29 * DAY));
  const set = (next: { from: string; to: string }) =>
    router.replace(`${pathname}?from=${next.from}&to=${next.to}`, { scroll: false });
  const last = (days: number) => set({ from: isoDay(new Date(Date.now() - (days - 1) * DAY)), to: today });
  return { from, to, set, last };
}

/** Charts of the funnel and of delivery, computed from the event log for the chosen days. */
export function MetricsView({ project }: { project: string }) {
  const range = useRange();
  const input = { project, from: range.from, to: range.to };
  return (
    <div>
      <PageHeader slug={project} title="Metrics" current="/metrics">
        <form
          className="flex flex-wrap items-center gap-1 text-[13px]"
          aria-label="Date range"
          onSubmit={(e) => e.preventDefault()}
        >
          {[7, 30, 90].map((days) => (
            <Button key={days} variant="ghost" className="h-7 px-2 text-xs" onClick={() => range.last(days)}>
              {days} d
            </Button>
          ))}
          <label className="flex items-center gap-1">
            <span className="muted text-xs">From</span>
            <input
              type="date"
              aria-label="From"
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && range.set({ from: e.target.value, to: range.to })}
              className="h-7 rounded border border-[var(--border)] bg-[var(--panel)] px-1 text-xs"
            />
          </label>
          <label className="flex items-center gap-1">
            <span className="muted text-xs">To</span>
            <input
              type="date"
              aria-label="To"
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && range.set({ from: range.from, to: e.target.value })}
              className="h-7 rounded border border-[var(--border)] bg-[var(--panel)] px-1 text-xs"
            />
          </label>
        </form>
      </PageHeader>
      <main className="mx-auto max-w-6xl space-y-8 p-6">
        <p className="muted text-xs">
          Days are UTC; {range.from} to {range.to} inclusive. Every figure is computed from the event log and the stage
          intervals written with each move; JSON for other tools at /api/v1/projects/{project}
          /metrics/&#123;funnel|flow|lead-time|dora|pipeline&#125;?from={range.from}&amp;to={range.to}.
        </p>
        <DoraSection input={input} />
        <FunnelSection input={input} />
        <FlowSection input={input} />
        <LeadTimeSection input={input} />
        <PipelineSection input={input} />
      </main>
    </div>
  );
}
