import { positionsFor } from "../../domain/funnel/ordering";
import type { Database, Store } from "../../db/client";
import { insertMany } from "../../db/repositories/bulk";
import { listEnvironments, updateEnvironment } from "../../db/repositories/environments";
import { takeItemNumbers } from "../../db/repositories/projects";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { createApp } from "../compose";
import { createProject } from "../services/create-project";
import { DAY, eventRows, HOUR, intervalRows, random, walkThroughFunnel, type Walk } from "./history-walks";

/**
 * A project with `items` cards and a year of their history — stage intervals and events (padded
 * with updates to `events` in all), releases every two days, their promotions to a blue-green
 * live environment, a few rollbacks, critical alerts and the cards' commits — written in bulk,
 * for the metrics benchmarks. Deterministic: the same sizes make the same data.
 */
export async function seedHistory(
  database: Database,
  options: { items: number; events: number; slug?: string; now?: Date; days?: number },
) {
  const app = createApp(database);
  const now = options.now ?? new Date();
  const days = options.days ?? 365;
  const rand = random(42);
  const project = await createProject(app, LOCAL_OPERATOR, {
    name: `History ${options.items}`,
    slug: options.slug ?? "history",
    keyPrefix: "HI",
  });
  const start = now.getTime() - days * DAY;
  const walks = walkThroughFunnel(rand, options.items, start, days, now.getTime());

  const result = await database.transaction(async (store) => {
    const { first, ids } = await insertCards(store, project.id, walks);
    await insertMany(store, "stageIntervals", intervalRows(walks, ids, project.id));
    const events = eventRows(walks, ids, project.id, options.events, rand, now.getTime());
    await insertMany(store, "events", events);
    const delivered = await insertReleases(store, project.id, walks, ids, first, start, now.getTime(), rand);
    await app.notifier.close();
    await app.runner.close();
    return {
      project,
      items: walks.length,
      events: events.length,
      intervals: walks.reduce((n, w) => n + w.stays.length, 0),
      ...delivered,
    };
  });
  // A bulk load leaves the planner's statistics stale until the next automatic analysis.
  await database.afterBulkLoad();
  return result;
}

/** The cards, each where its walk ends, in order within its column. */
export async function insertCards(store: Store, projectId: number, walks: Walk[]) {
  const current = walks.map((w) => w.stays[w.stays.length - 1]);
  const byStage = new Map<string, number[]>();
  current.forEach((stay, i) => (byStage.get(stay.stage) ?? byStage.set(stay.stage, []).get(stay.stage)!).push(i));
  const positions = new Array<string>(walks.length);
  for (const indexes of byStage.values())
    positionsFor(indexes.length).forEach((position, j) => (positions[indexes[j]] = position));
  const first = await takeItemNumbers(store, projectId, walks.length);
  const ids = await insertMany(
    store,
    "workItems",
    walks.map((walk, i) => ({
      projectId,
      number: first + i,
      kind: walk.kind,
      title: `Card ${first + i} of a year's history`,
      description: "Generated for the metrics benchmark.",
      owner: ["ana", "ben", "chen", "dana"][i % 4],
      labels: [],
      stage: current[i].stage,
      position: positions[i],
      rejectedFromStage: current[i].stage === "rejected" ? walk.stays[walk.stays.length - 2]?.stage : null,
      stageEnteredAt: current[i].enteredAt,
      createdAt: walk.created,
      updatedAt: current[i].enteredAt,
    })),
    true,
  );
  return { first, ids };
}

/** Releases every two days of what reached Live since the previous one, their commits, and their promotions. */
async function insertReleases(
  store: Store,
  projectId: number,
  walks: Walk[],
  ids: number[],
  first: number,
  start: number,
  now: number,
  rand: () => number,
) {
  const [, live] = await listEnvironments(store, projectId);
  await updateEnvironment(store, live.id, { strategy: "blue-green", activeSlot: "blue" });
  const liveAt = walks.map((walk) => walk.stays.find((s) => s.stage === "live")?.enteredAt.getTime() ?? null);
  const codeAt = walks.map((walk) => walk.stays.find((s) => s.stage === "code")?.enteredAt ?? null);
  let previous = start;
  const releases = [];
  for (let t = start + 2 * DAY; t < now; t += 2 * DAY) {
    const carried = liveAt.flatMap((at, i) => (at !== null && at >= previous && at < t ? [i] : []));
    previous = t;
    if (carried.length) releases.push({ at: t, carried });
  }
  const releaseIds = await insertMany(
    store,
    "releases",
    releases.map((r, n) => ({
      projectId,
      version: `1.${n}.0`,
      commitSha: `${n}`.padStart(40, "0"),
      createdAt: new Date(r.at - HOUR),
    })),
    true,
  );
  await insertMany(
    store,
    "releaseItems",
    releases.flatMap((r, n) => r.carried.map((i) => ({ releaseId: releaseIds[n], itemId: ids[i] }))),
  );
  const commitIds = await insertMany(
    store,
    "commits",
    releases.flatMap((r) =>
      r.carried.map((i) => ({
        projectId,
        sha: `f${ids[i].toString(16)}`.padStart(40, "0"),
        message: `HI-${first + i}`,
        author: "ana",
        branch: "main",
        committedAt: codeAt[i] ?? new Date(r.at - DAY),
      })),
    ),
    true,
  );
  await insertMany(
    store,
    "itemCommits",
    releases.flatMap((r) => r.carried).map((i, n) => ({ itemId: ids[i], commitId: commitIds[n] })),
  );
  const { deployments, alerts, slot } = liveHistory(
    projectId,
    live.id,
    releases.map((r, n) => ({ at: r.at, releaseId: releaseIds[n] })),
    rand,
  );
  await updateEnvironment(store, live.id, { activeSlot: slot });
  await insertMany(store, "deployments", deployments);
  await insertMany(store, "alerts", alerts);
  return { releases: releases.length, deployments: deployments.length };
}

/** Each release promoted to the idle slot of live, a few rolled back to the one before, and some critical alerts. */
function liveHistory(
  projectId: number,
  environmentId: number,
  releases: { at: number; releaseId: number }[],
  rand: () => number,
) {
  let slot = "blue";
  const flip = () => (slot = slot === "blue" ? "green" : "blue");
  const deployments = [];
  const alerts = [];
  for (const [n, r] of releases.entries()) {
    flip();
    const rolledBack = rand() < 0.05;
    deployments.push({
      projectId,
      releaseId: r.releaseId,
      environmentId,
      slot,
      purpose: "promote" as const,
      status: rolledBack ? ("rolled-back" as const) : ("succeeded" as const),
      switchStatus: "passed" as const,
      verifyStatus: "passed" as const,
      triggeredBy: "user:ana",
      queuedAt: new Date(r.at - 600_000),
      startedAt: new Date(r.at - 540_000),
      finishedAt: new Date(r.at),
    });
    if (rolledBack && n > 0) {
      flip();
      deployments.push({
        projectId,
        releaseId: releases[n - 1].releaseId,
        environmentId,
        slot,
        purpose: "rollback" as const,
        status: "succeeded" as const,
        switchStatus: "passed" as const,
        verifyStatus: null,
        triggeredBy: "user:ana",
        queuedAt: new Date(r.at + HOUR),
        startedAt: new Date(r.at + HOUR),
        finishedAt: new Date(r.at + HOUR + 60_000),
      });
    }
    if (rand() < 0.08) {
      const startsAt = new Date(r.at + rand() * 6 * HOUR);
      alerts.push({
        projectId,
        environmentId,
        fingerprint: `fp-${n}`,
        name: "CheckoutErrorRate",
        status: "resolved",
        severity: "critical",
        labels: { alertname: "CheckoutErrorRate" },
        annotations: {},
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        generatorUrl: null,
        updatedAt: startsAt,
      });
    }
  }
  return { deployments, alerts, slot };
}
