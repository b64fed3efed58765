import type { Database } from "../../db/client";
import { insertMany } from "../../db/repositories/bulk";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import { createApp } from "../compose";
import { createProject } from "../services/create-project";
import { insertCards } from "./history";
import { DAY, eventRows, intervalRows, random, walkThroughFunnel, type Walk } from "./history-walks";

/**
 * A project with `items` cards on its board and the history that put them there: each card
 * created over the past `days` and walked through the funnel by its own rules — forward a stage
 * at a time, some ideas rejected, some cards sent back for rework — with a stage interval and an
 * event for every step, so that the board, the Archive and every chart of the Metrics page tell
 * the same story. Rejected cards go to the Archive and are not counted in `items`. For
 * benchmarks and load tests; deterministic.
 */
export async function seedSynthetic(
  database: Database,
  options: { items: number; slug?: string; now?: Date; days?: number },
) {
  const app = createApp(database);
  const now = options.now ?? new Date();
  const days = options.days ?? 365;
  const rand = random(7);
  const project = await createProject(app, LOCAL_OPERATOR, {
    name: `Synthetic ${options.items}`,
    slug: options.slug ?? "synthetic",
    keyPrefix: "SY",
  });
  const start = now.getTime() - days * DAY;
  const walks: Walk[] = [];
  for (let onBoard = 0; onBoard < options.items;) {
    const [walk] = walkThroughFunnel(rand, 1, start, days, now.getTime());
    walks.push(walk);
    if (walk.stays.at(-1)!.stage !== "rejected") onBoard += 1;
  }
  await database.transaction(async (store) => {
    const { ids } = await insertCards(store, project.id, walks);
    await insertMany(store, "stageIntervals", intervalRows(walks, ids, project.id));
    await insertMany(store, "events", eventRows(walks, ids, project.id, 0, rand, now.getTime()));
  });
  await database.afterBulkLoad();
  await app.notifier.close();
  await app.runner.close();
  return project;
}
