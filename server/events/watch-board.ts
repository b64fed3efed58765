import type { BoardCard } from "../../domain/funnel/card";
import { latestEventId, listEventsAfter } from "../../db/repositories/events";
import { findItem } from "../../db/repositories/items";
import type { App } from "../app";
import { loadCard } from "../services/cards";
import { requireProject } from "../services/lookups";

export interface BoardChange {
  eventId: number;
  type: string;
  actor: string;
  at: Date;
  itemId: number | null;
  payload: Record<string, unknown>;
  /** The card as it is now (stage "rejected" when archived), for the client to patch its cache. */
  card: BoardCard | null;
}

const BATCH = 200;

/**
 * Yields every event of a project after `afterId` (or from now), then each new one as it is
 * committed — read from the events table, so a notice missed in a reconnect costs nothing.
 */
export async function* watchBoard(
  app: App,
  projectId: number,
  afterId: number | null,
  signal?: AbortSignal,
): AsyncGenerator<BoardChange> {
  let last = afterId ?? (await latestEventId(app.database, projectId));
  let pending = true;
  let wake: (() => void) | null = null;
  const unsubscribe = app.notifier.subscribe((notice) => {
    if (notice && notice.projectId !== projectId) return;
    pending = true;
    wake?.();
  });
  const aborted = new Promise<void>((resolve) => signal?.addEventListener("abort", () => resolve(), { once: true }));
  try {
    while (!signal?.aborted) {
      if (!pending) {
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
        wake = null;
        continue;
      }
      pending = false;
      for (;;) {
        const events = await listEventsAfter(app.database, projectId, last, BATCH);
        for (const event of events) {
          last = event.id;
          const item = event.itemId === null ? null : await findItem(app.database, event.itemId);
          yield {
            eventId: event.id,
            type: event.type,
            actor: event.actor,
            at: event.at,
            itemId: event.itemId,
            payload: event.payload,
            card: item ? await loadCard(app.database, item, app.now()) : null,
          };
        }
        if (events.length < BATCH) break;
      }
    }
  } finally {
    unsubscribe();
  }
}

/** The board stream of a project named by its slug, resuming after `lastEventId` when the client had one. */
export async function* watchProjectBoard(
  app: App,
  input: { project: string; lastEventId?: string | null },
  signal?: AbortSignal,
): AsyncGenerator<BoardChange> {
  const project = await requireProject(app.database, input.project);
  const after = input.lastEventId ? Number.parseInt(input.lastEventId, 10) : null;
  yield* watchBoard(app, project.id, Number.isFinite(after) ? after : null, signal);
}
