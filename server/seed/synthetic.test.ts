import { afterAll, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase, registerCleanup } from "../../db/testing";
import { STAGE_KEYS } from "../../domain/funnel/stages";
import { createApp } from "../compose";
import { getBoard } from "../services/get-board";
import { flowMetric, funnelMetric, leadTimeMetric, metricCards } from "../services/get-metrics";
import { seedSynthetic } from "./synthetic";

afterAll(closeTestDatabases);

const NOW = new Date("2026-06-30T12:00:00Z");

describeOnEveryDatabase("synthetic history", (fresh) => {
  it("makes a year whose board and metrics agree with each other", async () => {
    const database = await fresh();
    await seedSynthetic(database, { items: 400, slug: "synthetic", now: NOW });
    const app = createApp(database, () => NOW);
    registerCleanup(() => app.notifier.close());
    const range = { project: "synthetic", from: "2025-06-30", to: "2026-06-30" };
    const [funnel, flow, lead, board] = await Promise.all([
      funnelMetric(app, range),
      flowMetric(app, range),
      leadTimeMetric(app, range),
      getBoard(app, { project: "synthetic" }),
    ]);
    const stage = (key: string) => funnel.stages.find((s) => s.stage === key)!;

    // The board holds the cards asked for, in every column.
    expect(board.cards).toHaveLength(400);
    for (const key of STAGE_KEYS)
      expect(
        board.cards.some((card) => card.stage === key),
        key,
      ).toBe(true);

    // Cards go on through every stage, some are rejected and some sent back; conversions are the intervals' own.
    for (const key of STAGE_KEYS.filter((s) => s !== "live")) {
      expect(stage(key).reachedNext, key).toBeGreaterThan(0);
      expect(stage(key).conversion).toBeCloseTo(stage(key).reachedNext / stage(key).entered, 10);
    }
    expect(stage("idea").rejected).toBeGreaterThan(0);
    expect(funnel.stages.reduce((n, s) => n + s.sentBack, 0)).toBeGreaterThan(0);
    expect(funnel.ideaToStory).toBeGreaterThan(0);
    expect(funnel.storyToLive).toBeGreaterThan(0);

    // What reached Live is the same count everywhere: the funnel, the weekly throughput, the lead times.
    const throughput = flow.throughput.reduce((n, week) => n + week.items, 0);
    expect(throughput).toBeGreaterThan(0);
    expect(stage("live").entered).toBe(throughput);
    expect(lead.finished).toBe(throughput);
    expect(lead.leadTime.count).toBe(throughput);

    // Every card took time to get there.
    expect(lead.leadTime.p50).toBeGreaterThan(0);
    expect(lead.cycleTime.p50).toBeGreaterThan(0);
    expect(lead.timeInStage.filter((s) => s.count > 0).every((s) => (s.p50 ?? 0) > 0)).toBe(true);

    // The cards behind a bar are the bar's count: a funnel stage, those that went on, a week of throughput.
    expect((await metricCards(app, { ...range, series: "entered", stage: "story" })).total).toBe(
      stage("story").entered,
    );
    expect((await metricCards(app, { ...range, series: "reachedNext", stage: "code" })).total).toBe(
      stage("code").reachedNext,
    );
    const busiest = flow.throughput.reduce((a, b) => (b.items > a.items ? b : a));
    const week = await metricCards(app, { ...range, series: "live", week: busiest.week });
    expect(week.total).toBe(busiest.items);
    expect(week.cards.every((card) => card.stage === "live")).toBe(true);

    // The cumulative flow ends with the board as it is.
    const last = flow.cumulativeFlow.at(-1)!;
    const onBoard = (key: string) => board.cards.filter((card) => card.stage === key).length;
    for (const key of STAGE_KEYS) expect(last[key], key).toBe(onBoard(key));
  }, 120_000);
});
