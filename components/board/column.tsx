"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { wipState, type Stage } from "../../domain/funnel/stages";
import { SortableCard, type CardActions } from "./card";

/** Typical card height with its gap, before it is measured. */
const ESTIMATE = 100;

/** Past this many cards a column renders only what is on screen. */
const VIRTUALIZE_FROM = 80;

const EMPTY_HINT: Record<string, string> = {
  idea: "No ideas yet. Press N to capture one.",
  story: "Accept an idea to make it a story.",
  code: "Stories with an owner enter Code.",
  build: "Cards arrive here when their PR merges green.",
  test: "Cards arrive when their release is on test.",
  live: "Nothing live yet: promote a verified release.",
};

export function Column({
  stage,
  cards,
  total,
  filtered = false,
  actions,
}: {
  stage: Stage;
  cards: BoardCard[];
  total: number;
  /** A filter hides some cards: the header says how many of the column's it shows. */
  filtered?: boolean;
  actions: CardActions;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: `column:${stage.key}`, data: { stage: stage.key } });
  const wip = wipState(total, stage.wipLimit);
  const headingId = `column-${stage.key}-heading`;
  return (
    <section
      ref={setNodeRef}
      role="region"
      aria-labelledby={headingId}
      data-stage={stage.key}
      className={`flex min-h-0 w-[240px] min-w-[188px] flex-1 shrink-0 flex-col rounded-lg bg-black/[0.03] dark:bg-white/[0.03] ${isOver ? "ring-2 ring-blue-500/50" : ""} ${
        wip === "over-limit" ? "ring-1 ring-red-500/60" : ""
      }`}
    >
      <header className="flex items-center gap-2 px-3 pt-3 pb-2">
        <h2 id={headingId} className="text-[13px] font-semibold">
          {stage.name}
        </h2>
        <span
          className="muted text-xs"
          aria-label={filtered ? `${cards.length} of ${total} cards shown` : `${total} cards`}
        >
          {filtered ? `${cards.length} / ${total}` : total}
        </span>
        {stage.wipLimit !== null && (
          <span
            title={wip === "over-limit" ? `Over the WIP limit of ${stage.wipLimit}` : `WIP limit ${stage.wipLimit}`}
            className={`ml-auto rounded px-1.5 text-[11px] font-medium ${
              wip === "over-limit"
                ? "bg-red-600 text-white"
                : wip === "at-limit"
                  ? "bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-200"
                  : "muted"
            }`}
          >
            {wip === "over-limit" ? `over limit ${total}/${stage.wipLimit}` : `limit ${stage.wipLimit}`}
          </span>
        )}
      </header>
      {cards.length > VIRTUALIZE_FROM ? (
        <VirtualCards cards={cards} actions={actions} />
      ) : (
        <AllCards stage={stage.key} cards={cards} actions={actions} />
      )}
    </section>
  );
}

function AllCards({ stage, cards, actions }: { stage: string; cards: BoardCard[]; actions: CardActions }) {
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-2">
      <SortableContext items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <div className="flex min-h-16 flex-col gap-2">
          {cards.map((card) => (
            <SortableCard key={card.id} card={card} actions={actions} />
          ))}
          {cards.length === 0 && (
            <p className="muted rounded-md border border-dashed border-[var(--border)] p-3 text-center text-xs">
              {EMPTY_HINT[stage]}
            </p>
          )}
        </div>
      </SortableContext>
    </div>
  );
}

function VirtualCards({ cards, actions }: { cards: BoardCard[]; actions: CardActions }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    overscan: 6,
    getItemKey: (index) => cards[index].id,
    // Sizes come from the ResizeObserver after layout; reading them synchronously on mount
    // would force a layout per card.
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      return instance.itemSizeCache.get(cards[instance.indexFromElement(element)]?.id) ?? ESTIMATE;
    },
  });
  const rows = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto px-2 pb-2">
      <SortableContext items={rows.map((row) => cards[row.index].id)} strategy={verticalListSortingStrategy}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {rows.map((row) => (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
              className="pb-2"
            >
              <SortableCard card={cards[row.index]} actions={actions} />
            </div>
          ))}
        </div>
      </SortableContext>
    </div>
  );
}
