import { config } from "../config";
import { createApp, getDatabase } from "../compose";
import { processPendingDeliveries } from "../integrations/github/process";
import { seedDemoIfEmpty } from "../seed/demo";
import { DEMO_PASSWORD, DEMO_USERS } from "../seed/demo-users";
import { sealStoredSecrets } from "../services/seal-secrets";
import { ensureAdmin, needsSetup } from "../services/users";
import { createBuiltInWorker } from "../services/workers";
import { SYSTEM } from "../../domain/access/actor";
import { secureDataFolder } from "../data-folder";

/**
 * Before the web server starts: open and migrate the database, and seed the demo project on
 * first start. Returns the token of this start's built-in worker (when it runs).
 */
export async function prepare(): Promise<{ workerToken: string | null }> {
  // A wrong setting stops the start here, naming the variable.
  const settings = config();
  if (!settings.databaseUrl) secureDataFolder(settings.dataDir);
  const database = await getDatabase();
  console.log(`Shiplane database: ${database.dialect} (${database.location}), migrations applied.`);
  if (await seedDemoIfEmpty(database)) {
    console.log("First start: seeded the demo project (set SHIPLANE_SEED=none to skip).");
    console.log(`Demo accounts, password "${DEMO_PASSWORD}": ${DEMO_USERS.map((u) => u.email).join(", ")}.`);
  }
  const sealed = await sealStoredSecrets(database);
  if (sealed > 0) console.log(`Encrypted the secrets of ${sealed} projects and environments stored in clear.`);
  const app = createApp(database);
  const admin = await ensureAdmin(app, settings.admin);
  if (admin) console.log(`Instance admin: ${admin.email} (SHIPLANE_ADMIN_EMAIL).`);
  else if (await needsSetup(app)) console.log("No users yet: the first visit offers to create the admin account.");
  // Deliveries answered before a stop but not processed yet are processed now.
  const recovered = await processPendingDeliveries(app);
  if (recovered > 0) console.log(`Processed ${recovered} webhook deliveries received before the last stop.`);
  const worker = settings.builtInWorker ? await createBuiltInWorker(app, SYSTEM) : null;
  await app.notifier.close();
  await database.close();
  return { workerToken: worker?.token ?? null };
}
