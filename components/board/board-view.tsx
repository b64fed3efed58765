"use client";

import { useAccess } from "../access/access";
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { arrayMove, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { isStageKey, STAGE_NAMES, stageIndex, type StageKey } from "../../domain/funnel/stages";
import { groupByStage, matchesFilter, readFilter } from "./board-state";
import { CardBody, type CardActions } from "./card";
import { CardDrawer } from "./card-drawer";
import { boardCollision } from "./collision";
import { Column } from "./column";
import { BoardToolbar } from "./toolbar";
import { NewIdeaDialog } from "./new-idea-dialog";
import { ReasonDialog } from "./reason-dialog";
import { PromoteCardDialog } from "../releases/promote-card";
import { ShortcutsDialog, useShortcuts } from "./shortcuts";
import { useBoard, useMoveCard, type MoveRequest } from "./use-board";

export function BoardView({ project }: { project: string }) {
  const { board, live } = useBoard(project);
  const move = useMoveCard(project);
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filter = readFilter(params);
  const openId = Number(params.get("item")) || null;
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [pendingBack, setPendingBack] = useState<MoveRequest | null>(null);
  const [promoting, setPromoting] = useState<BoardCard | null>(null);
  const [newIdea, setNewIdea] = useState(false);
  const canCapture = useAccess().allows("member");
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // Several changes in a row (clear the search, then pick a label) build on each other, not on
  // the URL of the last render, which has not caught up yet.
  const pending = useRef<{ base: string; next: URLSearchParams } | null>(null);
  const setParam = useCallback(
    (name: string, value: string | null) => {
      const base = params.toString();
      const next = pending.current?.base === base ? pending.current.next : new URLSearchParams(base);
      pending.current = { base, next };
      if (value) next.set(name, value);
      else next.delete(name);
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  const cards = useMemo(() => board.data?.cards ?? [], [board.data]);
  const visible = useMemo(() => cards.filter((card) => matchesFilter(card, filter)), [cards, filter]);
  const columns = useMemo(() => groupByStage(visible), [visible]);
  const totals = useMemo(() => groupByStage(cards), [cards]);
  const total = (stage: string) =>
    board.data?.complete === false
      ? (board.data.columns.find((c) => c.key === stage)?.count ?? 0)
      : (totals.get(stage)?.length ?? 0);

  const request = useCallback(
    (req: MoveRequest) => {
      if (
        req.toStage !== req.card.stage &&
        isStageKey(req.card.stage) &&
        stageIndex(req.toStage) < stageIndex(req.card.stage)
      ) {
        setPendingBack(req);
        return;
      }
      // Dropping a released card on Live is the promote action: confirm it with the gates shown.
      if (req.toStage === "live" && req.card.stage !== "live" && req.card.badges.release) {
        setPromoting(req.card);
        return;
      }
      void move(req);
    },
    [move],
  );

  const actions: CardActions = useMemo(
    () => ({
      open: (card) => setParam("item", String(card.id)),
      moveTo: (card, stage) => {
        const target = (columns.get(stage) ?? []).filter((c) => c.id !== card.id);
        request({ card, toStage: stage, afterId: target.at(-1)?.id ?? null, beforeId: null });
      },
    }),
    [columns, request, setParam],
  );

  useShortcuts({
    n: () => canCapture && setNewIdea(true),
    "/": () => searchRef.current?.focus(),
    "?": () => setHelp(true),
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const byId = useCallback((id: unknown) => cards.find((card) => card.id === id) ?? null, [cards]);
  const stageOf = (data: unknown): StageKey | null => {
    const stage = (data as { stage?: string } | undefined)?.stage;
    return stage && isStageKey(stage) ? stage : null;
  };

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

  if (board.isPending) return <p className="muted p-6">Loading the board…</p>;
  if (board.isError) {
    return (
      <div
        role="alert"
        className="m-6 max-w-xl rounded-md border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
      >
        <p className="font-medium">The board could not be loaded.</p>
        <p className="mt-1 text-[13px]">{board.error.message}</p>
      </div>
    );
  }
  const data = board.data;
  const owners = [...new Set(cards.map((c) => c.owner).filter((o): o is string => Boolean(o)))].sort();
  const labels = [...new Set(cards.flatMap((c) => c.labels))].sort();

  return (
    <div className="flex h-full min-h-0 flex-col">
      <BoardToolbar
        project={data.project}
        filter={filter}
        owners={owners}
        labels={labels}
        live={live}
        searchRef={searchRef}
        onFilter={setParam}
        onNewIdea={() => setNewIdea(true)}
        onHelp={() => setHelp(true)}
        shown={visible.length}
        total={cards.length}
      />
      <DndContext
        sensors={sensors}
        collisionDetection={boardCollision}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              "To pick up a card, press Space. Use the arrow keys to move it between columns and within a column, Space to drop, Escape to cancel.",
          },
        }}
        onDragStart={({ active }: DragStartEvent) => setDragging(byId(active.id))}
        onDragCancel={() => setDragging(null)}
        onDragEnd={onDragEnd}
      >
        <main className="flex min-h-0 flex-1 gap-3 overflow-x-auto p-3">
          {data.columns.map((stage) => (
            <Column
              key={stage.key}
              stage={stage}
              cards={columns.get(stage.key) ?? []}
              total={total(stage.key)}
              actions={actions}
            />
          ))}
        </main>
        <DragOverlay>
          {dragging && (
            <div className="panel w-[256px] rotate-1 cursor-grabbing rounded-md p-2.5 shadow-xl">
              <CardBody card={dragging} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      <CardDrawer project={project} id={openId} onClose={() => setParam("item", null)} onMove={request} />
      <NewIdeaDialog project={project} open={newIdea} onClose={() => setNewIdea(false)} />
      <ReasonDialog
        request={pendingBack}
        onCancel={() => setPendingBack(null)}
        onConfirm={(reason) => {
          if (pendingBack) void move({ ...pendingBack, reason });
          setPendingBack(null);
        }}
      />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      <PromoteCardDialog card={promoting} onClose={() => setPromoting(null)} />
    </div>
  );
}
