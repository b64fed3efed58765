import { positionsFor } from "../../domain/funnel/ordering";
import { STAGE_KEYS } from "../../domain/funnel/stages";
import { insertItemsBulk, type NewItem } from "../../db/repositories/items";
import { takeItemNumbers } from "../../db/repositories/projects";
import { changeProject } from "../unit-of-work";
import { createApp } from "../compose";
import { LOCAL_OPERATOR } from "../../domain/access/actor";
import type { Database } from "../../db/client";
import { createProject } from "../services/create-project";

const OWNERS = ["ana", "ben", "chen", "dana", "eli", null];
const LABELS = ["checkout", "search", "ux", "payments", "growth", "infra"];
const DAY = 24 * 60 * 60 * 1000;

/**
 * A project with `items` cards spread over the columns (as a large board looks: most ideas,
 * fewest in flight), each with its created event — for benchmarks and load tests.
 */
export async function seedSynthetic(database: Database, options: { items: number; slug?: string; now?: Date }) {
  const app = createApp(database);
  const now = options.now ?? new Date();
  const project = await createProject(app, LOCAL_OPERATOR, {
    name: `Synthetic ${options.items}`,
    slug: options.slug ?? "synthetic",
    keyPrefix: "SY",
  });
  const weights = [0.3, 0.2, 0.15, 0.1, 0.1, 0.15];
  const counts = weights.map((w) => Math.floor(w * options.items));
  counts[0] += options.items - counts.reduce((a, b) => a + b, 0);
  await changeProject(app, project.id, async (store, record) => {
    let number = await takeItemNumbers(store, project.id, options.items);
    for (const [s, stage] of STAGE_KEYS.entries()) {
      const positions = positionsFor(counts[s]);
      const items: NewItem[] = positions.map((position, i) => {
        const at = new Date(now.getTime() - ((i * 7919) % 40) * DAY);
        return {
          projectId: project.id,
          number: number++,
          kind: stage === "idea" ? "idea" : "story",
          title: `Synthetic ${stage} card ${i + 1}`,
          description: "Generated for a benchmark.",
          owner: stage === "idea" ? null : (OWNERS[i % OWNERS.length] ?? "ana"),
          labels: [LABELS[i % LABELS.length]],
          estimate: (i % 8) + 1,
          stage,
          position,
          needsManualQa: i % 10 === 0,
          stageEnteredAt: at,
          updatedAt: at,
        };
      });
      const ids = await insertItemsBulk(store, items);
      for (const id of ids)
        await record({ itemId: id, type: "item.created", actor: "system", payload: { stage, synthetic: true } });
    }
  });
  await app.notifier.close();
  return project;
}
