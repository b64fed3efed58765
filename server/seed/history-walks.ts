import { STAGE_KEYS, type StageKey } from "../../domain/funnel/stages";
import type { Stay, Walk } from "../../domain/funnel/stays";

export { intervalRows, type Stay, type Walk } from "../../domain/funnel/stays";

// Pure builders of a synthetic year: each card's walk through the funnel, and the rows that
// record it (stage intervals and events). Deterministic: the same generator makes the same walks.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
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
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each of `items` cards, created at a random time since `start`, walking the funnel until `now`. */
export function walkThroughFunnel(rand: () => number, items: number, start: number, days: number, now: number): Walk[] {
  return Array.from({ length: items }, () => {
    const created = start + rand() * days * DAY;
    const stays: Stay[] = [];
    let stage: StageKey = rand() < 0.2 ? "story" : "idea";
    let t = created;
    for (;;) {
      const stay = rand() * rand() * STAY[stage] + HOUR;
      if (stage === "live" || t + stay >= now) {
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
          if (t + redo < now) {
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
}

/** Events: each card created and each move, then updates to reach `total`, oldest first. */
export function eventRows(
  walks: Walk[],
  ids: number[],
  projectId: number,
  total: number,
  rand: () => number,
  now: number,
) {
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
      projectId: projectId,
      itemId: ids[i],
      type: "item.created",
      actor: "user:ana",
      at: walk.created,
      payload: { stage: walk.stays[0].stage },
    });
    for (let s = 1; s < walk.stays.length; s++) {
      const to = walk.stays[s].stage;
      events.push({
        projectId: projectId,
        itemId: ids[i],
        type: to === "rejected" ? "item.rejected" : "item.moved",
        actor: "user:ben",
        at: walk.stays[s].enteredAt,
        payload: { from: walk.stays[s - 1].stage, to },
      });
    }
  });
  for (let n = events.length, i = 0; n < total; n++, i++) {
    const walk = walks[i % walks.length];
    const at = new Date(walk.created.getTime() + rand() * (now - walk.created.getTime()));
    events.push({
      projectId: projectId,
      itemId: ids[i % walks.length],
      type: "item.updated",
      actor: "user:chen",
      at,
      payload: { fields: ["description"] },
    });
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return events;
}
