import { Cron } from "croner";

/** Schedules and freeze windows, from cron expressions (croner does the calendar arithmetic). */

export interface FreezeWindow {
  cron: string;
  durationMinutes: number;
  timezone?: string | null;
  note?: string | null;
}

function cron(expression: string, timezone?: string | null): Cron {
  return new Cron(expression, { paused: true, ...(timezone ? { timezone } : {}) });
}

/** Why a cron expression or time zone is not usable, or null when it is. */
export function cronProblem(expression: string, timezone?: string | null): string | null {
  if (expression.trim().split(/\s+/).length !== 5)
    return `"${expression}" is not a five-field cron expression (minute hour day month weekday), e.g. "0 2 * * *".`;
  try {
    cron(expression, timezone).nextRun(new Date());
    return null;
  } catch (error) {
    return `"${expression}"${timezone ? ` in ${timezone}` : ""} is not a valid schedule: ${(error as Error).message}.`;
  }
}

export function nextRun(expression: string, timezone: string | null, after: Date): Date | null {
  return cron(expression, timezone).nextRun(after);
}

/**
 * The occurrence that is due now: the newest one at or before `now` and no older than
 * `graceMs` (a run missed while no instance was up is skipped, as cron does).
 */
export function dueRun(expression: string, timezone: string | null, now: Date, graceMs: number): Date | null {
  const [previous] = cron(expression, timezone).previousRuns(1, new Date(now.getTime() + 1));
  if (!previous || previous.getTime() > now.getTime() || now.getTime() - previous.getTime() > graceMs) return null;
  return previous;
}

/** The freeze window in force at `now`, if any: one that opened less than its duration ago. */
export function activeFreeze<W extends FreezeWindow>(
  windows: readonly W[],
  now: Date,
): { window: W; endsAt: Date } | null {
  for (const window of windows) {
    const durationMs = window.durationMinutes * 60_000;
    const opened = cron(window.cron, window.timezone).nextRun(new Date(now.getTime() - durationMs));
    if (opened && opened.getTime() <= now.getTime()) return { window, endsAt: new Date(opened.getTime() + durationMs) };
  }
  return null;
}
