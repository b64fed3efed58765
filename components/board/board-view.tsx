"use client";

import { DndContext, DragOverlay } from "@dnd-kit/core";
import { useMemo, useRef } from "react";
import { useAccess } from "../access/access";
import { groupByStage, matchesFilter } from "./board-state";
import { BoardDialogs, useBoardDialogs } from "./board-dialogs";
import { CardBody, type CardActions } from "./card";
import { boardCollision } from "./collision";
import { Column } from "./column";
import { usePaletteShortcut, useShortcuts } from "./shortcuts";
import { focusedCard, moveCardFocus } from "./card-focus";
import { useAssignToMe } from "./use-assign";
import { toast } from "../ui/toaster";
import type { BoardCard } from "../../domain/funnel/card";
import { BoardToolbar } from "./toolbar";
import { useBoard } from "./use-board";
import { useBoardDrag } from "./use-board-drag";
import { useBoardUrl } from "./use-board-url";

export function BoardView({ project }: { project: string }) {
  const { board, live } = useBoard(project);
  const { filter, openId, setParam } = useBoardUrl();
  const dialogs = useBoardDialogs(project, (id) => setParam("item", id === null ? null : String(id)));
  const access = useAccess();
  const canCapture = access.allows("member");
  const why = access.why("member");
  const searchRef = useRef<HTMLInputElement>(null);

  const cards = useMemo(() => board.data?.cards ?? [], [board.data]);
  const visible = useMemo(() => cards.filter((card) => matchesFilter(card, filter)), [cards, filter]);
  const columns = useMemo(() => groupByStage(visible), [visible]);
  const totals = useMemo(() => groupByStage(cards), [cards]);
  const total = (stage: string) =>
    board.data?.complete === false
      ? (board.data.columns.find((c) => c.key === stage)?.count ?? 0)
      : (totals.get(stage)?.length ?? 0);
  const { request, openCard } = dialogs;
  const drag = useBoardDrag(cards, columns, request);

  const actions: CardActions = useMemo(
    () => ({
      open: (card) => openCard(card.id, false),
      moveTo: (card, stage) => {
        const target = (columns.get(stage) ?? []).filter((c) => c.id !== card.id);
        request({ card, toStage: stage, afterId: target.at(-1)?.id ?? null, beforeId: null });
      },
    }),
    [columns, request, openCard],
  );

  const assignToMe = useAssignToMe(project);
  const focused = () => cards.find((card) => card.key === focusedCard()?.dataset.cardKey) ?? null;
  const withFocused = (what: string, act: (card: BoardCard) => void) => () => {
    const card = focused();
    if (card) act(card);
    else toast.info(`Focus a card first (Tab, or j and k), then press the key to ${what}.`);
  };
  useShortcuts({
    n: () => (canCapture ? dialogs.openNewIdea() : toast.info("New idea is for members and above", [why!])),
    "/": () => searchRef.current?.focus(),
    "?": () => dialogs.openHelp(),
    j: () => moveCardFocus("down"),
    k: () => moveCardFocus("up"),
    h: () => moveCardFocus("left"),
    l: () => moveCardFocus("right"),
    m: withFocused("move it", (card) => {
      if (!canCapture) return toast.info(`${card.key} cannot be moved by you`, [why!]);
      const menu = focusedCard()?.querySelector("details");
      if (menu) {
        menu.open = true;
        menu.querySelector<HTMLElement>("[role=menuitem]")?.focus();
      }
    }),
    e: withFocused("edit it", (card) => dialogs.openCard(card.id, true)),
    a: withFocused("take it", (card) => void assignToMe(card)),
  });
  usePaletteShortcut(dialogs.openPalette);

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
        onNewIdea={dialogs.openNewIdea}
        onHelp={dialogs.openHelp}
        shown={visible.length}
        total={cards.length}
      />
      <DndContext collisionDetection={boardCollision} {...drag.context}>
        <main className="flex min-h-0 flex-1 gap-3 overflow-x-auto p-3">
          {data.columns.map((stage) => (
            <Column
              key={stage.key}
              stage={stage}
              cards={columns.get(stage.key) ?? []}
              total={total(stage.key)}
              filtered={visible.length !== cards.length}
              actions={actions}
            />
          ))}
        </main>
        <DragOverlay>
          {drag.dragging && (
            <div className="panel w-[256px] rotate-1 cursor-grabbing rounded-md p-2.5 shadow-xl">
              <CardBody card={drag.dragging} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      <BoardDialogs
        project={project}
        openId={openId}
        openCard={cards.find((card) => card.id === openId) ?? null}
        cards={cards}
        actions={actions}
        onAssign={assignToMe}
        onCloseCard={() => setParam("item", null)}
        request={request}
        state={dialogs.state}
      />
    </div>
  );
}
