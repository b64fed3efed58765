import { lockProject, type Store } from "../db/client";
import { appendEvent, type EventRecord, type NewEvent } from "../db/repositories/events";
import type { App } from "./app";

export type RecordEvent = (event: Omit<NewEvent, "projectId">) => Promise<EventRecord>;

/**
 * One use case's writes to a project, atomically: the project row is locked (events commit
 * in id order), events are appended in the same transaction, and watchers are told after commit.
 *
 * By default the lock is taken first. A hot use case may read first and call `lock()` just
 * before its first write, so that the lock is held for the writes only; it must then re-check
 * what it read (a versioned update does). Rows are always locked project first, then items.
 */
export async function changeProject<T>(
  app: App,
  projectId: number,
  work: (store: Store, record: RecordEvent, lock: () => Promise<void>) => Promise<T>,
  options: { lockFirst?: boolean } = {},
): Promise<T> {
  const recorded: EventRecord[] = [];
  const result = await app.database.transaction(async (store) => {
    let locked = false;
    const lock = async () => {
      if (!locked) await lockProject(store, projectId);
      locked = true;
    };
    if (options.lockFirst !== false) await lock();
    return work(
      store,
      async (event) => {
        await lock();
        const row = await appendEvent(store, { ...event, projectId, at: event.at ?? app.now() });
        recorded.push(row);
        return row;
      },
      lock,
    );
  });
  for (const event of recorded) {
    await app.notifier.publish({ projectId, eventId: event.id }).catch((error: Error) => {
      // Watchers re-read from their last id on the next notice; nothing is lost.
      console.error(`Could not notify watchers of event ${event.id}: ${error.message}`);
    });
  }
  return result;
}
