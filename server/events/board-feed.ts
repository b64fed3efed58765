import { latestEventId, listEventsAfter } from "../../db/repositories/events";
import { findItem } from "../../db/repositories/items";
import type { BoardCard } from "../../domain/funnel/card";
import type { App } from "../app";
import { loadCard } from "../services/cards";

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
/** Changes a feed keeps for watchers that fall behind or resume; older ones are read again from the table. */
const KEPT = 500;

/**
 * One reader per project, however many boards watch it: on each change notice it reads the new
 * events once, loads each card once, and hands them to every watcher. A watcher that resumes
 * from further back than the feed keeps reads its backlog from the events table, then joins.
 */
class BoardFeed {
  /** Every event of the project up to this id has been read. */
  last = 0;
  /** The changes read, oldest first: every event after `floor` and up to `last`. */
  private kept: BoardChange[] = [];
  private floor = 0;
  private started: Promise<void> | null = null;
  private reading: Promise<void> | null = null;
  private again = false;
  private waiters = new Set<() => void>();
  private watchers = 0;
  private unsubscribe: (() => void) | null = null;
  reads = 0;

  constructor(
    private readonly app: App,
    private readonly projectId: number,
    private readonly onIdle: () => void,
  ) {}

  join(): Promise<void> {
    this.watchers += 1;
    this.started ??= (async () => {
      let ready = false;
      let missed = false;
      this.unsubscribe = this.app.notifier.subscribe((notice) => {
        if (notice && notice.projectId !== this.projectId) return;
        if (ready) void this.read();
        else missed = true;
      });
      this.last = this.floor = await latestEventId(this.app.database, this.projectId);
      ready = true;
      if (missed) void this.read();
    })().catch((error: unknown) => {
      this.started = null;
      this.unsubscribe?.();
      throw error;
    });
    return this.started;
  }

  leave(): void {
    this.watchers -= 1;
    if (this.watchers > 0) return;
    this.unsubscribe?.();
    this.onIdle();
  }

  get watching(): number {
    return this.watchers;
  }

  /** The changes after `cursor`, if the feed still keeps them all; null when the watcher must read the table. */
  since(cursor: number): BoardChange[] | null {
    if (cursor < this.floor) return null;
    return this.kept.filter((change) => change.eventId > cursor);
  }

  /** Resolves when the feed has read further (or the signal aborts). */
  advanced(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.waiters.delete(done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      this.waiters.add(done);
      signal.addEventListener("abort", done, { once: true });
    });
  }

  private read(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        do {
          this.again = false;
          await this.readNew();
        } while (this.again);
      } catch {
        // A failed read (the database restarting) is retried at the next notice; watchers keep waiting.
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      this.reads += 1;
      const changes = await readChanges(this.app, this.projectId, this.last, BATCH);
      if (changes.length > 0) {
        this.kept.push(...changes);
        this.last = changes[changes.length - 1].eventId;
        const drop = this.kept.length - KEPT;
        if (drop > 0) this.floor = this.kept.splice(0, drop)[drop - 1].eventId;
        for (const wake of [...this.waiters]) wake();
      }
      if (changes.length < BATCH) return;
    }
  }
}

/** The project's events after `afterId`, each with its card as it is now. */
export async function readChanges(app: App, projectId: number, afterId: number, limit: number): Promise<BoardChange[]> {
  const events = await listEventsAfter(app.database, projectId, afterId, limit);
  const changes: BoardChange[] = [];
  for (const event of events) {
    const item = event.itemId === null ? null : await findItem(app.database, event.itemId);
    changes.push({
      eventId: event.id,
      type: event.type,
      actor: event.actor,
      at: event.at,
      itemId: event.itemId,
      payload: event.payload,
      card: item ? await loadCard(app.database, item, app.now()) : null,
    });
  }
  return changes;
}

const feeds = new WeakMap<App, Map<number, BoardFeed>>();

function feedOf(app: App, projectId: number): BoardFeed {
  let byProject = feeds.get(app);
  if (!byProject) feeds.set(app, (byProject = new Map()));
  let feed = byProject.get(projectId);
  if (!feed) {
    const map = byProject;
    const created: BoardFeed = new BoardFeed(app, projectId, () => {
      if (map.get(projectId) === created) map.delete(projectId);
    });
    map.set(projectId, created);
    feed = created;
  }
  return feed;
}

/** How many projects have a live reader, how many boards watch them, and how many reads they made (for metrics and tests). */
export function boardFeedStats(app: App): { projects: number; watchers: number; reads: number } {
  const all = [...(feeds.get(app)?.values() ?? [])];
  return {
    projects: all.length,
    watchers: all.reduce((n, feed) => n + feed.watching, 0),
    reads: all.reduce((n, feed) => n + feed.reads, 0),
  };
}

/**
 * Yields every event of a project after `afterId` (or from now), then each new one as it is
 * committed — read from the events table, so a notice missed in a reconnect costs nothing.
 */
export async function* watchBoard(
  app: App,
  projectId: number,
  afterId: number | null,
  signal: AbortSignal = new AbortController().signal,
): AsyncGenerator<BoardChange> {
  const feed = feedOf(app, projectId);
  try {
    await feed.join();
  } catch (error) {
    feed.leave();
    throw error;
  }
  try {
    let cursor = afterId ?? feed.last;
    while (!signal.aborted) {
      const changes = feed.since(cursor) ?? (await readChanges(app, projectId, cursor, BATCH));
      for (const change of changes) {
        cursor = change.eventId;
        yield change;
      }
      // Nothing new: wait for the feed to read further (registered before any await, so no read is missed).
      if (changes.length === 0) await feed.advanced(signal);
    }
  } finally {
    feed.leave();
  }
}
