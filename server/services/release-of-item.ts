import { newestReleaseOfItem } from "../../db/repositories/releases";
import type { App } from "../app";

/** The newest release that carries the card, if any (the card panel's promote button acts on it). */
export async function releaseOfItem(app: App, itemId: number): Promise<{ id: number; version: string } | null> {
  const release = await newestReleaseOfItem(app.database, itemId);
  return release && { id: release.id, version: release.version };
}
