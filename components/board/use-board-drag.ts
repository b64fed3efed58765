"use client";

import {
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { arrayMove } from "@dnd-kit/sortable";
import { useCallback, useState } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { isStageKey, STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { boardKeyboardCoordinates } from "./keyboard-moves";
import type { MoveRequest } from "./use-board";

const stageOf = (data: unknown): StageKey | null => {
  const stage = (data as { stage?: string } | undefined)?.stage;
  return stage && isStageKey(stage) ? stage : null;
};

/**
 * Drag and drop on the board, by pointer or keyboard: which card is in hand, where a drop lands
 * between its new neighbours, and what a screen reader hears at every step. A drop only asks
 * for a move (`request`); it returns early when nothing moved.
 */
export function useBoardDrag(
  cards: BoardCard[],
  columns: Map<string, BoardCard[]>,
  request: (req: MoveRequest) => void,
) {
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Space picks a card up and drops it (Enter opens it); arrows move it, Escape puts it back.
    useSensor(KeyboardSensor, {
      coordinateGetter: boardKeyboardCoordinates,
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space"] },
    }),
  );
  const byId = useCallback((id: unknown) => cards.find((card) => card.id === id) ?? null, [cards]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const card = byId(active.id);
    const toStage = over ? stageOf(over.data.current) : null;
    if (!card || !over || !toStage) return;
    const column = columns.get(toStage) ?? [];
    let ordered: BoardCard[];
    let index: number;
    if (String(over.id).startsWith("column:")) {
      ordered = [...column.filter((c) => c.id !== card.id), card];
      index = ordered.length - 1;
    } else if (card.stage === toStage) {
      const from = column.findIndex((c) => c.id === card.id);
      const to = column.findIndex((c) => c.id === over.id);
      if (from === to || to < 0) return;
      ordered = arrayMove(column, from, to);
      index = to;
    } else {
      const others = column.filter((c) => c.id !== card.id);
      const overIndex = others.findIndex((c) => c.id === over.id);
      const rect = active.rect.current.translated;
      const below = rect ? rect.top + rect.height / 2 > over.rect.top + over.rect.height / 2 : false;
      index = overIndex < 0 ? others.length : overIndex + (below ? 1 : 0);
      ordered = [...others.slice(0, index), card, ...others.slice(index)];
    }
    if (card.stage === toStage && column.at(-1)?.id === card.id && index === ordered.length - 1) return;
    request({ card, toStage, afterId: ordered[index - 1]?.id ?? null, beforeId: ordered[index + 1]?.id ?? null });
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const card = byId(active.id);
      return card
        ? `Picked up ${card.key}, ${card.title}, in ${STAGE_NAMES[card.stage as StageKey]}. Use the arrow keys to move it, Space to drop, Escape to cancel.`
        : "";
    },
    onDragOver: ({ active, over }) => {
      const card = byId(active.id);
      const stage = over ? stageOf(over.data.current) : null;
      return card ? (stage ? `${card.key} is over ${STAGE_NAMES[stage]}.` : `${card.key} is not over a column.`) : "";
    },
    onDragEnd: ({ active, over }) => {
      const card = byId(active.id);
      const stage = over ? stageOf(over.data.current) : null;
      return card
        ? stage
          ? `${card.key} dropped in ${STAGE_NAMES[stage]}.`
          : `${card.key} dropped back where it was.`
        : "";
    },
    onDragCancel: ({ active }) => {
      const card = byId(active.id);
      return card ? `Moving ${card.key} was cancelled; it is back in ${STAGE_NAMES[card.stage as StageKey]}.` : "";
    },
  };

  return {
    dragging,
    context: {
      sensors,
      accessibility: {
        announcements,
        screenReaderInstructions: {
          draggable:
            "To pick up a card, press Space. Use the arrow keys to move it between columns and within a column, Space to drop, Escape to cancel.",
        },
      },
      onDragStart: ({ active }: DragStartEvent) => setDragging(byId(active.id)),
      onDragCancel: () => setDragging(null),
      onDragEnd,
    },
  };
}
