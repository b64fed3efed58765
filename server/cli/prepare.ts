import { getDatabase } from "../../db/instance";
import { seedDemoIfEmpty } from "../seed/demo";

/** Before the web server starts: open and migrate the database, and seed the demo project on first start. */
export async function prepare(): Promise<void> {
  const database = await getDatabase();
  console.log(`Shiplane database: ${database.dialect} (${database.location}), migrations applied.`);
  if (await seedDemoIfEmpty(database)) console.log("First start: seeded the demo project (set SHIPLANE_SEED=none to skip).");
  await database.close();
}
