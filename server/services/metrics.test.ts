import { afterAll, beforeAll, expect, it } from "vitest";
import { closeTestDatabases, describeOnEveryDatabase } from "../../db/testing";
import { insertAlertRow } from "../../db/repositories/alerts";
import { insertBuild, insertPullRequest, insertRelease, insertTestRun } from "../../db/repositories/delivery";
import { enqueueDeployment, updateDeployment } from "../../db/repositories/deployments";
import { listEnvironments } from "../../db/repositories/environments";
import { insertCommitOnce, linkItemToCommit, linkItemToPullRequest } from "../../db/repositories/github";
import { changeProject } from "../unit-of-work";
import { testApp } from "../testing/fixtures";
import { doraMetric, flowMetric, funnelMetric, leadTimeMetric, pipelineMetric } from "./get-metrics";

afterAll(closeTestDatabases);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date("2026-03-02T09:00:00Z").getTime(); // a Monday; the test clock's start
const d = (days: number) => new Date(T0 + days * DAY);

/**
 * A fixture timeline whose every figure is worked out by hand in the comments below.
 * Cards: A idea d0 → story d1 → code d2 → build d3 → test d4 → live d5. B idea d0 → story d2 →
 * code d4 → back to story d5. C idea d1, rejected d3. D created as a story d1 → code d2 →
 * build d3 → test d6 → live d8. E idea d2. Live (blue-green): P0 (release R0) live d-10; P1 (R1: A)
 * live d5, rolled back by RB1 at d5+2h; P2 (R2: D) live d8, critical alert X at d8+3h; P3 (R3)
 * failed verification d9; P4 (R3) live d9+4h. Critical alert Y at d0+1h, while P0 was live.
 */
async function timeline(ctx: Awaited<ReturnType<typeof testApp>>) {
  const { caller, clock } = ctx;
  const at = (days: number) => clock.advance(T0 + days * DAY - clock.now().getTime());
  const create = (title: string, kind: "idea" | "story" = "idea") =>
    caller.item.create({ project: "shiplane", title, kind, description: "Why", owner: "ana" });
  const move = (id: number, toStage: string, reason?: string) =>
    caller.item.move({
      id,
      toStage,
      force: ["build", "test", "live"].includes(toStage) || undefined,
      reason: reason ?? "forced for the fixture",
    });
  const A = await create("A");
  const B = await create("B");
  at(1);
  await move(A.id, "story");
  const C = await create("C");
  const D = await create("D", "story");
  at(2);
  await move(A.id, "code");
  await move(B.id, "story");
  await move(D.id, "code");
  await create("E");
  at(3);
  await move(A.id, "build");
  await caller.item.reject({ id: C.id, reason: "Not now" });
  await move(D.id, "build");
  at(4);
  await move(A.id, "test");
  await move(B.id, "code");
  at(5);
  await move(A.id, "live");
  await move(B.id, "story", "Needs a design first");
  at(6);
  await move(D.id, "test");
  at(8);
  await move(D.id, "live");
  const Z = await create("Z (old)");

  const projectId = ctx.project.id;
  await changeProject(ctx.app, projectId, async (store) => {
    const [, live] = await listEnvironments(store, projectId);
    const commit = await insertCommitOnce(store, {
      projectId,
      sha: "a".repeat(40),
      message: "SL-1 work",
      author: "ana",
      branch: "feature",
      committedAt: d(1.5),
    });
    await linkItemToCommit(store, A.id, commit.id);
    const pr = await insertPullRequest(store, {
      projectId,
      number: 7,
      title: "SL-4",
      branch: "f",
      state: "merged",
      openedAt: d(2.5),
      updatedAt: d(2.5),
    });
    await linkItemToPullRequest(store, D.id, pr);
    const old = await insertCommitOnce(store, {
      projectId,
      sha: "b".repeat(40),
      message: "old",
      author: "ana",
      branch: "main",
      committedAt: d(-100),
    });
    await linkItemToCommit(store, Z.id, old.id);
    const release = (version: string, items: number[], created: number) =>
      insertRelease(store, { projectId, version, commitSha: version, createdAt: d(created) }, items);
    const R0 = await release("0.9.0", [Z.id], -11);
    const R1 = await release("1.0.0", [A.id], 4.5);
    const R2 = await release("1.1.0", [D.id], 7.5);
    const R3 = await release("1.2.0", [], 8.5);
    const deployment = async (
      releaseId: number,
      purpose: "promote" | "rollback",
      finished: number,
      minutes: number,
      status: "succeeded" | "failed" | "rolled-back",
      phase = "deploy",
    ) => {
      const id = await enqueueDeployment(store, {
        projectId,
        releaseId,
        environmentId: live.id,
        slot: "green",
        purpose,
        triggeredBy: "user:local",
        queuedAt: d(finished - minutes / 1440),
      });
      await updateDeployment(store, id, {
        status,
        phase: phase as "deploy",
        startedAt: d(finished - minutes / 1440),
        finishedAt: d(finished),
        switchStatus: status === "failed" ? null : "passed",
        verifyStatus: phase === "verify" ? "failed" : "passed",
      });
    };
    await deployment(R0, "promote", -10, 5, "succeeded");
    await deployment(R1, "promote", 5, 10, "rolled-back");
    await deployment(R0, "rollback", 5 + 2 / 24, 1, "succeeded");
    await deployment(R2, "promote", 8, 20, "succeeded");
    await deployment(R3, "promote", 9, 15, "failed", "verify");
    await deployment(R3, "promote", 9 + 4 / 24, 30, "succeeded");
    const alert = (name: string, startsAt: Date) =>
      insertAlertRow(store, {
        projectId,
        environmentId: live.id,
        fingerprint: name,
        name,
        status: "firing",
        severity: "critical",
        labels: {},
        annotations: {},
        startsAt,
        endsAt: null,
        generatorUrl: null,
        updatedAt: startsAt,
      });
    await alert("X", new Date(d(8).getTime() + 3 * HOUR));
    await alert("Y", new Date(T0 + HOUR));
    for (const [n, status] of [
      [1, "passed"],
      [2, "passed"],
      [3, "failed"],
    ] as const) {
      await insertBuild(store, {
        projectId,
        externalId: `b${n}`,
        commitSha: "c".repeat(40),
        branch: "main",
        status,
        createdAt: d(n),
      });
    }
    for (const [n, failed] of [
      [1, 0],
      [2, 3],
    ]) {
      await insertTestRun(store, { projectId, suite: "regression", passed: 10, failed, skipped: 0, createdAt: d(n) });
    }
  });
}

describeOnEveryDatabase("metrics from a hand-computed timeline", (fresh) => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  const range = { project: "shiplane", from: "2026-03-02", to: "2026-03-11" };
  beforeAll(async () => {
    ctx = await testApp(await fresh());
    await timeline(ctx);
  });

  it("funnel: entries per stage, conversion, rejections and moves back", async () => {
    const result = await funnelMetric(ctx.app, range);
    // Idea: A, B, C, E (D began as a story); A and B became stories. Story: A, B, D; all went on to Code; A and D reached Live.
    expect(result.stages.map((s) => [s.stage, s.entered, s.reachedNext, s.rejected, s.sentBack])).toEqual([
      ["idea", 5, 2, 1, 0],
      ["story", 3, 3, 0, 0],
      ["code", 3, 2, 0, 1],
      ["build", 2, 2, 0, 0],
      ["test", 2, 2, 0, 0],
      ["live", 2, 0, 0, 0],
    ]);
    expect(result.ideaToStory).toBeCloseTo(2 / 5);
    expect(result.storyToLive).toBeCloseTo(2 / 3);
  });

  it("cumulative flow per day and throughput per week", async () => {
    const result = await flowMetric(ctx.app, range);
    expect(result.cumulativeFlow).toHaveLength(10);
    const day = (date: string) => result.cumulativeFlow.find((row) => row.date === date);
    // End of 03-02: A, B ideas (Z was created at d8, in the fixture's setup).
    expect(day("2026-03-02")).toMatchObject({ idea: 2, story: 0, code: 0, build: 0, test: 0, live: 0 });
    // End of 03-07 (d5): E idea; B back in story; D in build; A live.
    expect(day("2026-03-07")).toMatchObject({ idea: 1, story: 1, code: 0, build: 1, test: 0, live: 1 });
    expect(day("2026-03-11")).toMatchObject({ idea: 2, story: 1, build: 0, test: 0, live: 2 });
    expect(result.throughput).toEqual([
      { week: "2026-03-02", items: 1 },
      { week: "2026-03-09", items: 1 },
    ]);
  });

  it("lead time, cycle time and time in each stage, with the longest waits", async () => {
    const result = await leadTimeMetric(ctx.app, range);
    expect(result.finished).toBe(2);
    // A: 5 d from idea to live; D: 7 d from its creation as a story.
    expect(result.leadTime).toMatchObject({ count: 2, p50: 5 * DAY, p85: 7 * DAY, p95: 7 * DAY });
    expect(result.storyLeadTime).toMatchObject({ p50: 4 * DAY, p95: 7 * DAY });
    expect(result.cycleTime).toMatchObject({ p50: 3 * DAY, p95: 6 * DAY });
    expect(result.leadTime.distribution.find((b) => b.bucket === "4–7 d")?.count).toBe(1);
    expect(result.leadTime.distribution.find((b) => b.bucket === "1–2 w")?.count).toBe(1);
    expect(Object.fromEntries(result.timeInStage.map((s) => [s.stage, [s.count, s.p50]]))).toEqual({
      idea: [3, 2 * DAY],
      story: [3, DAY],
      code: [3, DAY],
      build: [2, DAY],
      test: [2, DAY],
    });
    expect(result.longest.map((item) => [item.key, item.leadTimeMs])).toEqual([
      ["SL-4", 7 * DAY],
      ["SL-1", 5 * DAY],
    ]);
  });

  it("DORA: frequency, lead time for changes, change failure rate and recovery, attributing alerts to what was live", async () => {
    const result = await doraMetric(ctx.app, range);
    // Promotions in range: P1, P2, P3, P4; live: P1, P2, P4 over 10 days.
    expect(result.current).toMatchObject({ deployments: 3, deploymentsPerDay: 0.3 });
    // P1 rolled back, P2 hit by alert X, P3 failed verification; alert Y belongs to P0, before the range.
    expect(result.current!.failed.map((f) => f.cause).sort()).toEqual([
      'critical alert "X"',
      "failed verification",
      "rolled back",
    ]);
    expect(result.current!.changeFailureRate).toBeCloseTo(0.75);
    // Recovery: P1 2 h (its rollback), P3 4 h (P4), P2 25 h (alert X at d8+3h to P4): median 4 h.
    expect(result.current!.recoveryMs).toBe(4 * HOUR);
    // Lead time for changes: A 3.5 d (commit d1.5, live d5), D 5.5 d (PR d2.5, live d8); Z's old commit is not claimed.
    expect(result.current!.leadTimeMs).toBe(3.5 * DAY);
    expect(result.bands).toEqual({
      deploymentFrequency: "high",
      leadTime: "high",
      changeFailureRate: "low",
      recovery: "high",
    });
    expect(result.previous).toMatchObject({ deployments: 1, changeFailureRate: 0 });
  });

  it("pipeline health: pass rates, deployment durations and the timeline", async () => {
    const result = await pipelineMetric(ctx.app, range);
    expect(result.buildPassRate).toBeCloseTo(2 / 3);
    expect(result.suites).toEqual([{ suite: "regression", runs: 2, passRate: 0.5 }]);
    // Live deployments that finished well: RB1 1 min, P1 10, P2 20, P4 30.
    expect(result.deploymentDurations).toEqual([
      { environment: "live", count: 4, p50: 10 * 60_000, p85: 30 * 60_000, p95: 30 * 60_000 },
    ]);
    expect(result.timeline.deployments).toHaveLength(5);
    expect(result.timeline.alerts.map((a) => a.name)).toEqual(["Y", "X"]);
  });

  it("refuses a bad range", async () => {
    await expect(funnelMetric(ctx.app, { project: "shiplane", from: "2026-03-10", to: "2026-03-01" })).rejects.toThrow(
      /range is empty/,
    );
    await expect(funnelMetric(ctx.app, { project: "shiplane", from: "soon" })).rejects.toThrow(/not a date/);
    await expect(doraMetric(ctx.app, { ...range, windowHours: 0 })).rejects.toThrow(/failure window/);
  });
});
