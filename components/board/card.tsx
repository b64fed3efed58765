"use client";

import { useAccess } from "../access/access";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { STAGE_KEYS, STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { CardBadgeRow } from "./badges";

export interface CardActions {
  open: (card: BoardCard) => void;
  moveTo: (card: BoardCard, stage: StageKey) => void;
}

function initials(name: string) {
  return name
    .split(/[\s._-]+/)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("")
    .slice(0, 2);
}

export function CardBody({ card }: { card: BoardCard }) {
  return (
    <>
      <div className="flex items-center gap-1.5 text-[11px]">
        <span className="muted font-mono">{card.key}</span>
        {card.blocked && (
          <span
            className="rounded bg-red-600 px-1 text-[10px] font-semibold text-white"
            title={card.blockedReason ?? "Blocked"}
          >
            BLOCKED
          </span>
        )}
        {card.needsManualQa && (
          <span
            className="rounded border border-[var(--border)] px-1 text-[10px]"
            title="Needs manual QA sign-off before live"
          >
            needs QA
          </span>
        )}
        {card.ageing && (
          <span
            className="ml-auto text-amber-700 dark:text-amber-400"
            title={`In ${STAGE_NAMES[card.stage as StageKey] ?? card.stage} for ${card.ageDays} days`}
          >
            ageing {card.ageDays} d
          </span>
        )}
      </div>
      <p className="mt-1 leading-snug font-medium">{card.title}</p>
      <div className="mt-1.5 flex items-center gap-1.5">
        {card.labels.map((label) => (
          <span
            key={label}
            className="rounded-full bg-blue-50 px-1.5 text-[11px] text-blue-800 dark:bg-blue-500/15 dark:text-blue-300"
          >
            {label}
          </span>
        ))}
        {card.estimate !== null && <span className="muted text-[11px]">{card.estimate} pt</span>}
        {card.owner ? (
          <span className="ml-auto flex min-w-0 items-center gap-1" title={`Owner: ${card.owner}`}>
            {/* The name shows beside the initials while the card has the focus. */}
            <span className="muted hidden truncate text-[11px] group-focus-visible:inline">{card.owner}</span>
            <span
              aria-hidden="true"
              className="grid h-5 w-5 shrink-0 place-items-center rounded-full bg-zinc-200 text-[10px] font-semibold dark:bg-zinc-700"
            >
              {initials(card.owner)}
            </span>
            <span className="sr-only">Owner {card.owner}</span>
          </span>
        ) : (
          <span className="muted ml-auto text-[11px]">no owner</span>
        )}
      </div>
      <CardBadgeRow badges={card.badges} />
    </>
  );
}

/** A card on the board: opens on click or Enter, picked up by drag or Space, with a "Move to…" menu. */
export const SortableCard = memo(function SortableCard({ card, actions }: { card: BoardCard; actions: CardActions }) {
  const access = useAccess();
  const canMove = access.allows("member");
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { stage: card.stage },
    disabled: !canMove,
  });
  return (
    <article
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...attributes}
      {...listeners}
      // An article that takes the focus, not a button: it holds its own Move menu, and viewers
      // open it too (only moving is theirs to lack).
      role={undefined}
      aria-pressed={undefined}
      aria-disabled={undefined}
      aria-roledescription="card"
      aria-label={`${card.key} ${card.title}`}
      data-card-key={card.key}
      onClick={() => actions.open(card)}
      onKeyDown={(event) => {
        listeners?.onKeyDown?.(event);
        if (event.defaultPrevented) return;
        if (event.key === "Enter") actions.open(card);
      }}
      title={canMove ? undefined : access.why("member")}
      className={`group panel relative ${canMove ? "cursor-grab" : "cursor-pointer"} rounded-md p-2.5 shadow-sm hover:border-zinc-400 dark:hover:border-zinc-500 ${
        card.blocked ? "border-l-4 border-l-red-500" : ""
      } ${isDragging ? "opacity-40" : ""}`}
    >
      <CardBody card={card} />
      {canMove && <MoveMenu card={card} onMove={(stage) => actions.moveTo(card, stage)} />}
    </article>
  );
});

function MoveMenu({ card, onMove }: { card: BoardCard; onMove: (stage: StageKey) => void }) {
  return (
    <details
      className="absolute top-1.5 right-1.5"
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
      onPointerDown={(event) => event.stopPropagation()}
    >
      <summary
        aria-label={`Move ${card.key} to…`}
        className="muted grid h-6 w-6 cursor-pointer list-none place-items-center rounded opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 hover:bg-black/5 focus:opacity-100 dark:hover:bg-white/10 [&::-webkit-details-marker]:hidden"
      >
        ⋯
      </summary>
      <div
        role="menu"
        aria-label={`Move ${card.key} to`}
        className="panel absolute right-0 z-20 mt-1 w-40 rounded-md py-1 shadow-lg"
      >
        <p className="muted px-3 py-1 text-[11px] font-medium uppercase">Move to…</p>
        {STAGE_KEYS.filter((stage) => stage !== card.stage).map((stage) => (
          <button
            key={stage}
            type="button"
            role="menuitem"
            className="block w-full px-3 py-1 text-left text-[13px] hover:bg-black/5 dark:hover:bg-white/10"
            onClick={(event) => {
              (event.currentTarget.closest("details") as HTMLDetailsElement).open = false;
              onMove(stage);
            }}
          >
            {STAGE_NAMES[stage]}
          </button>
        ))}
      </div>
    </details>
  );
}
