import { listEventsAfter, type EventRecord } from "../../db/repositories/events";
import type { App } from "../app";
import { requireProject } from "./lookups";

/** The project's event log, oldest first, after a given id (for tools and the activity view). */
export async function listEvents(
  app: App,
  input: { project: string; afterId: number; limit: number },
): Promise<EventRecord[]> {
  const project = await requireProject(app.database, input.project);
  return listEventsAfter(app.database, project.id, input.afterId, input.limit);
}
