import { useAccess } from "../access/access";
import { formatDuration } from "../../domain/time/relative";
import { isStageKey, STAGE_NAMES } from "../../domain/funnel/stages";
import { RelativeTime } from "../ui/relative-time";
import { describeActor, describeEvent } from "./describe-event";

interface HistoryEvent {
  id: number;
  type: string;
  actor: string;
  at: Date;
  payload: Record<string, unknown>;
}

/** Time spent in each stage, then every event on the card, newest first. */
export function CardHistory({
  history,
  intervals,
}: {
  history: HistoryEvent[];
  intervals: { stage: string; enteredAt: Date; leftAt: Date | null }[];
}) {
  const me = useAccess().user?.email;
  return (
    <section className="space-y-4">
      <div>
        <h3 className="mb-2 text-[13px] font-semibold">Time in stages</h3>
        <ol className="flex flex-wrap gap-2 text-xs">
          {intervals.map((interval, i) => (
            <li key={i} className="rounded border border-[var(--border)] px-2 py-1">
              {isStageKey(interval.stage) ? STAGE_NAMES[interval.stage] : interval.stage}{" "}
              <span className="muted">
                {interval.leftAt ? (
                  formatDuration(interval.leftAt.getTime() - interval.enteredAt.getTime())
                ) : (
                  <>
                    now, since <RelativeTime date={interval.enteredAt} />
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      </div>
      <div>
        <h3 className="mb-2 text-[13px] font-semibold">History</h3>
        <ol aria-label="History" className="space-y-1.5 text-[13px]">
          {[...history].reverse().map((event) => (
            <li key={event.id} className="flex gap-2">
              <span className="font-medium">{describeActor(event.actor, me)}</span>
              <span className="min-w-0 flex-1">{describeEvent(event)}</span>
              <span className="muted shrink-0 text-xs">
                <RelativeTime date={event.at} />
              </span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
