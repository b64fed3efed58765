import { positionsFor } from "../../domain/funnel/ordering";
import { STAGE_KEYS, type StageKey } from "../../domain/funnel/stages";
import type { Database } from "../../db/client";
import { insertMany } from "../../db/repositories/bulk";
import { listEnvironments, updateEnvironment } from "../../db/repositories/environments";
import { takeItemNumbers } from "../../db/repositories/projects";
import { createApp } from "../compose";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { createProject } from "../services/create-project";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long a card stays in each stage at most, and how likely it goes on to the next. */
const STAY: Record<StageKey, number> = {
  idea: 30 * DAY,
  story: 14 * DAY,
  code: 8 * DAY,
  build: 3 * DAY,
  test: 4 * DAY,
  live: 0,
};
const ONWARD: Record<StageKey, number> = { idea: 0.6, story: 0.85, code: 0.9, build: 0.95, test: 0.92, live: 0 };

/** A small deterministic generator (mulberry32), so every run makes the same history. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Stay {
  stage: string;
  enteredAt: Date;
  leftAt: Date | null;
}

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

  // Each card's walk through the funnel.
  const walks = Array.from({ length: options.items }, () => {
    const created = start + rand() * days * DAY;
    const stays: Stay[] = [];
    let stage: StageKey = rand() < 0.2 ? "story" : "idea";
    let t = created;
    for (;;) {
      const stay = rand() * rand() * STAY[stage] + HOUR;
      if (stage === "live" || t + stay >= now.getTime()) {
        stays.push({ stage, enteredAt: new Date(t), leftAt: null });
        break;
      }
      stays.push({ stage, enteredAt: new Date(t), leftAt: new Date(t + stay) });
      t += stay;
      if (rand() >= ONWARD[stage]) {
        // Ideas that go no further are rejected; later stages send the card back once.
        const back = stage === "idea" ? "rejected" : stage === "build" || stage === "test" ? "code" : "rejected";
        stays.push({ stage: back, enteredAt: new Date(t), leftAt: null });
        if (back === "code" && rand() < 0.8) {
          const redo = rand() * 2 * DAY + HOUR;
          if (t + redo < now.getTime()) {
            stays[stays.length - 1].leftAt = new Date(t + redo);
            t += redo;
            stage = "build";
            continue;
          }
        }
        break;
      }
      stage = STAGE_KEYS[STAGE_KEYS.indexOf(stage) + 1];
    }
    return {
      created: new Date(created),
      stays,
      kind: stays[0].stage === "idea" ? ("idea" as const) : ("story" as const),
    };
  });

  const current = walks.map((w) => w.stays[w.stays.length - 1]);
  const byStage = new Map<string, number[]>();
  current.forEach((stay, i) => (byStage.get(stay.stage) ?? byStage.set(stay.stage, []).get(stay.stage)!).push(i));
  const positions = new Array<string>(walks.length);
  for (const indexes of byStage.values())
    positionsFor(indexes.length).forEach((position, j) => (positions[indexes[j]] = position));

  const result = await database.transaction(async (store) => {
    const first = await takeItemNumbers(store, project.id, walks.length);
    const ids = await insertMany(
      store,
      "workItems",
      walks.map((walk, i) => ({
        projectId: project.id,
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
    await insertMany(
      store,
      "stageIntervals",
      walks.flatMap((walk, i) => {
        const live = walk.stays.find((stay) => stay.stage === "live")?.enteredAt ?? null;
        return walk.stays.map((stay, s) => {
          const next = walk.stays[s + 1];
          const onward =
            next &&
            STAGE_KEYS.indexOf(next.stage as StageKey) === STAGE_KEYS.indexOf(stay.stage as StageKey) + 1 &&
            stay.stage !== "rejected";
          return {
            projectId: project.id,
            itemId: ids[i],
            ...stay,
            fromStage: s > 0 ? walk.stays[s - 1].stage : null,
            nextAt: onward ? stay.leftAt : null,
            liveAt: live && stay.stage !== "live" && live >= stay.enteredAt ? live : null,
          };
        });
      }),
    );

    // Events: created and each move, then updates to reach the size asked for.
    const events: {
      projectId: number;
      itemId: number;
      type: string;
      actor: string;
      at: Date;
      payload: Record<string, unknown>;
    }[] = [];
    walks.forEach((walk, i) => {
      events.push({
        projectId: project.id,
        itemId: ids[i],
        type: "item.created",
        actor: "user:ana",
        at: walk.created,
        payload: { stage: walk.stays[0].stage },
      });
      for (let s = 1; s < walk.stays.length; s++) {
        const to = walk.stays[s].stage;
        events.push({
          projectId: project.id,
          itemId: ids[i],
          type: to === "rejected" ? "item.rejected" : "item.moved",
          actor: "user:ben",
          at: walk.stays[s].enteredAt,
          payload: { from: walk.stays[s - 1].stage, to },
        });
      }
    });
    for (let n = events.length, i = 0; n < options.events; n++, i++) {
      const walk = walks[i % walks.length];
      const at = new Date(walk.created.getTime() + rand() * (now.getTime() - walk.created.getTime()));
      events.push({
        projectId: project.id,
        itemId: ids[i % walks.length],
        type: "item.updated",
        actor: "user:chen",
        at,
        payload: { fields: ["description"] },
      });
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    await insertMany(store, "events", events);

    // Releases every two days of what reached Live since the previous one; each promoted to live.
    const [, live] = await listEnvironments(store, project.id);
    await updateEnvironment(store, live.id, { strategy: "blue-green", activeSlot: "blue" });
    const liveAt = walks.map((walk) => walk.stays.find((s) => s.stage === "live")?.enteredAt.getTime() ?? null);
    const codeAt = walks.map((walk) => walk.stays.find((s) => s.stage === "code")?.enteredAt ?? null);
    let slot = "blue";
    let previous = start;
    const releases = [];
    for (let t = start + 2 * DAY; t < now.getTime(); t += 2 * DAY) {
      const carried = liveAt.flatMap((at, i) => (at !== null && at >= previous && at < t ? [i] : []));
      previous = t;
      if (carried.length) releases.push({ at: t, carried });
    }
    const releaseIds = await insertMany(
      store,
      "releases",
      releases.map((r, n) => ({
        projectId: project.id,
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
          projectId: project.id,
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
    const deployments = [];
    const alerts = [];
    for (const [n, r] of releases.entries()) {
      slot = slot === "blue" ? "green" : "blue";
      const finished = new Date(r.at);
      const rolledBack = rand() < 0.05;
      deployments.push({
        projectId: project.id,
        releaseId: releaseIds[n],
        environmentId: live.id,
        slot,
        purpose: "promote" as const,
        status: rolledBack ? ("rolled-back" as const) : ("succeeded" as const),
        switchStatus: "passed" as const,
        verifyStatus: "passed" as const,
        triggeredBy: "user:ana",
        queuedAt: new Date(r.at - 600_000),
        startedAt: new Date(r.at - 540_000),
        finishedAt: finished,
      });
      if (rolledBack && n > 0) {
        slot = slot === "blue" ? "green" : "blue";
        deployments.push({
          projectId: project.id,
          releaseId: releaseIds[n - 1],
          environmentId: live.id,
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
          projectId: project.id,
          environmentId: live.id,
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
    await updateEnvironment(store, live.id, { activeSlot: slot });
    await insertMany(store, "deployments", deployments);
    await insertMany(store, "alerts", alerts);
    await app.notifier.close();
    await app.runner.close();
    return {
      project,
      items: walks.length,
      events: events.length,
      intervals: walks.reduce((n, w) => n + w.stays.length, 0),
      releases: releases.length,
      deployments: deployments.length,
    };
  });
  // A bulk load leaves the planner's statistics stale until the next automatic analysis.
  await database.afterBulkLoad();
  return result;
}
