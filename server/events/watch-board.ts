import type { Role } from "../../domain/access/roles";
import { DomainError } from "../../domain/errors";
import type { App } from "../app";
import { roleIn, type SignedInUser } from "../auth/session";
import { requireProject } from "../services/lookups";
import { watchBoard, type BoardChange } from "./board-feed";

export type { BoardChange } from "./board-feed";

/** How often an open board stream looks again at its session and role. */
export const RECHECK_MS = 5_000;
/** Live boards one session may hold open at once (on this instance). */
export const STREAMS_PER_SESSION = 10;

/** Who watches: the person and role the stream started with, and how to look at their session again. */
export interface Watcher {
  /** Undefined for callers inside the process (tests, command line), which are not re-checked. */
  user?: SignedInUser | null;
  role: Role;
  recheck?: () => Promise<SignedInUser | null>;
}

/**
 * The board stream of a project named by its slug, resuming after `lastEventId` when the client
 * had one. It ends — with the reason — when the session ends (sign-out, expiry, a disabled
 * account) or the person's role in the project changes, noticed within `everyMs`.
 */
export async function* watchProjectBoard(
  app: App,
  input: { project: string; lastEventId?: string | null },
  watcher: Watcher,
  signal?: AbortSignal,
  everyMs = RECHECK_MS,
): AsyncGenerator<BoardChange> {
  const project = await requireProject(app.database, input.project);
  const after = input.lastEventId ? Number.parseInt(input.lastEventId, 10) : null;
  const release = holdStream(app, watcher.user);
  const inner = new AbortController();
  const stop = () => inner.abort();
  signal?.addEventListener("abort", stop, { once: true });
  const source = watchBoard(app, project.id, Number.isFinite(after) ? after : null, inner.signal);
  let pending = source.next();
  try {
    let checked = Date.now();
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const due = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), Math.max(0, checked + everyMs - Date.now()));
      });
      const result = await Promise.race([pending, due]);
      clearTimeout(timer);
      if (Date.now() - checked >= everyMs) {
        await checkAccess(app, project.id, watcher);
        checked = Date.now();
      }
      if (result === null) continue;
      if (result.done) return;
      yield result.value;
      pending = source.next();
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    inner.abort();
    release();
    await pending.catch(() => undefined);
    await source.return(undefined);
  }
}

async function checkAccess(app: App, projectId: number, watcher: Watcher): Promise<void> {
  if (watcher.user === undefined || !watcher.recheck) return;
  const user = await watcher.recheck();
  if (!user)
    throw new DomainError(
      "AUTH.UNAUTHENTICATED",
      "Your session ended (signed out, expired or the account was disabled): sign in again to watch the board.",
    );
  const role = await roleIn(app, user, projectId);
  if (role !== watcher.role)
    throw new DomainError(
      "STREAM.ACCESS_CHANGED",
      role
        ? `Your role in this project changed to ${role}: the board reconnects with it.`
        : "You are no longer a member of this project.",
      { role },
    );
}

const open = new WeakMap<App, Map<string, number>>();

/** Counts the session's open streams; refuses the one past the limit. */
function holdStream(app: App, user: SignedInUser | null | undefined): () => void {
  if (!user) return () => undefined;
  const key = user.sessionId ?? `user:${user.id}`;
  let counts = open.get(app);
  if (!counts) open.set(app, (counts = new Map()));
  const held = counts.get(key) ?? 0;
  if (held >= STREAMS_PER_SESSION)
    throw new DomainError(
      "STREAM.LIMIT",
      `This session already has ${STREAMS_PER_SESSION} live boards open. Close some tabs, then reload this one.`,
    );
  counts.set(key, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (counts.get(key) ?? 1) - 1;
    if (left > 0) counts.set(key, left);
    else counts.delete(key);
  };
}
