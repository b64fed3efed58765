import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Database } from "./client";

/** A change notice: ids only (PostgreSQL refuses NOTIFY payloads over 8,000 bytes). */
export interface ChangeNotice {
  projectId: number;
  eventId: number;
}

/** `null` means "something may have been missed (a reconnect): re-read from your last event id". */
export type NoticeListener = (notice: ChangeNotice | null) => void;

export interface Notifier {
  publish(notice: ChangeNotice): Promise<void>;
  subscribe(listener: NoticeListener): () => void;
  close(): Promise<void>;
}

const CHANNEL = "shiplane_events";

/** In-process for SQLite (one app process owns the file); LISTEN/NOTIFY across instances on PostgreSQL. */
export function createNotifier(database: Database): Notifier {
  return database.url ? postgresNotifier(database.url, database) : localNotifier();
}

function fanOut() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (notice: ChangeNotice | null) => emitter.emit("change", notice),
    subscribe(listener: NoticeListener) {
      emitter.on("change", listener);
      return () => {
        emitter.off("change", listener);
      };
    },
    clear: () => emitter.removeAllListeners(),
  };
}

function localNotifier(): Notifier {
  const listeners = fanOut();
  return {
    async publish(notice) {
      listeners.emit(notice);
    },
    subscribe: listeners.subscribe,
    async close() {
      listeners.clear();
    },
  };
}

function postgresNotifier(url: string, database: Database): Notifier {
  const listeners = fanOut();
  let client: pg.Client | null = null;
  let connecting: pg.Client | null = null;
  let closed = false;
  let delay = 100;

  // One dedicated connection LISTENs (never a pooled one); it reconnects with a backoff
  // capped at a second, then tells subscribers to re-read what they may have missed.
  const connect = async (): Promise<void> => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url });
    connecting = next;
    next.on("error", () => undefined);
    next.on("notification", (message) => {
      if (!message.payload) return;
      try {
        listeners.emit(JSON.parse(message.payload) as ChangeNotice);
      } catch {
        // A foreign payload on our channel: ignore it.
      }
    });
    next.on("end", () => {
      if (client === next) client = null;
      if (!closed) setTimeout(connect, delay);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      connecting = null;
      // Closed while connecting: this connection must not outlive the notifier.
      if (closed) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      delay = 100;
      listeners.emit(null);
    } catch {
      connecting = null;
      delay = Math.min(delay * 2, 1000);
      await next.end().catch(() => undefined);
    }
  };
  void connect();

  return {
    async publish(notice) {
      await database.db.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(notice)})`);
    },
    subscribe: listeners.subscribe,
    async close() {
      closed = true;
      await Promise.all([client?.end(), connecting?.end()].map((p) => p?.catch(() => undefined)));
      listeners.clear();
    },
  };
}
