import { getDatabase } from "../../db/instance";
import { createApp } from "../app";
import { processPendingDeliveries } from "../integrations/github/process";
import { seedDemoIfEmpty } from "../seed/demo";
import { sealStoredSecrets } from "../services/seal-secrets";

/** Before the web server starts: open and migrate the database, and seed the demo project on first start. */
export async function prepare(): Promise<void> {
  const database = await getDatabase();
  console.log(`Shiplane database: ${database.dialect} (${database.location}), migrations applied.`);
  if (await seedDemoIfEmpty(database)) console.log("First start: seeded the demo project (set SHIPLANE_SEED=none to skip).");
  const sealed = await sealStoredSecrets(database);
  if (sealed > 0) console.log(`Encrypted the secrets of ${sealed} projects and environments stored in clear.`);
  // Deliveries answered before a stop but not processed yet are processed now.
  const app = createApp(database);
  const recovered = await processPendingDeliveries(app);
  if (recovered > 0) console.log(`Processed ${recovered} webhook deliveries received before the last stop.`);
  await app.notifier.close();
  await database.close();
}
