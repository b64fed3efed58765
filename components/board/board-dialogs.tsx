"use client";

import { useCallback, useState } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { isStageKey, stageIndex } from "../../domain/funnel/stages";
import { PromoteCardDialog } from "../releases/promote-card";
import type { CardActions } from "./card";
import { CardDrawer } from "./card-drawer";
import { CommandPalette } from "./command-palette";
import { NewIdeaDialog } from "./new-idea-dialog";
import { ReasonDialog } from "./reason-dialog";
import { ShortcutsDialog } from "./shortcuts";
import { useMoveCard, type MoveRequest } from "./use-board";

/**
 * What the board opens over itself, and the one way a move is asked for: a move back asks for a
 * reason first, a drop of a released card on Live asks to promote it, any other move goes at once.
 */
export function useBoardDialogs(project: string, setOpenId: (id: number | null) => void) {
  const move = useMoveCard(project);
  const [palette, setPalette] = useState(false);
  // Opened with `e`: the panel puts the focus on the title, to edit at once.
  const [editing, setEditing] = useState(false);
  const openCard = useCallback(
    (id: number, edit: boolean) => {
      setEditing(edit);
      setOpenId(id);
    },
    [setOpenId],
  );
  const [pendingBack, setPendingBack] = useState<MoveRequest | null>(null);
  const [promoting, setPromoting] = useState<BoardCard | null>(null);
  const [newIdea, setNewIdea] = useState(false);
  const [help, setHelp] = useState(false);

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

  const state = {
    move,
    pendingBack,
    setPendingBack,
    promoting,
    setPromoting,
    newIdea,
    setNewIdea,
    help,
    setHelp,
    palette,
    setPalette,
    editing,
  };
  return {
    request,
    openCard,
    openNewIdea: () => setNewIdea(true),
    openHelp: () => setHelp(true),
    openPalette: () => setPalette(true),
    state,
  };
}

type DialogState = ReturnType<typeof useBoardDialogs>["state"];

export function BoardDialogs({
  project,
  openId,
  openCard,
  cards,
  actions,
  onAssign,
  onCloseCard,
  request,
  state,
}: {
  project: string;
  openId: number | null;
  openCard: BoardCard | null;
  cards: BoardCard[];
  actions: CardActions;
  onAssign: (card: BoardCard) => void;
  onCloseCard: () => void;
  request: (req: MoveRequest) => void;
  state: DialogState;
}) {
  const { move, pendingBack, setPendingBack } = state;
  return (
    <>
      <CardDrawer
        project={project}
        id={openId}
        boardCard={openCard}
        focusTitle={state.editing}
        onClose={onCloseCard}
        onMove={request}
      />
      <CommandPalette
        open={state.palette}
        onClose={() => state.setPalette(false)}
        project={project}
        cards={cards}
        actions={{
          open: actions.open,
          moveTo: actions.moveTo,
          assignToMe: onAssign,
          newIdea: () => state.setNewIdea(true),
        }}
      />
      <NewIdeaDialog project={project} open={state.newIdea} onClose={() => state.setNewIdea(false)} />
      <ReasonDialog
        request={pendingBack}
        onCancel={() => setPendingBack(null)}
        onConfirm={(reason) => {
          if (pendingBack) void move({ ...pendingBack, reason });
          setPendingBack(null);
        }}
      />
      <ShortcutsDialog open={state.help} onClose={() => state.setHelp(false)} />
      <PromoteCardDialog card={state.promoting} onClose={() => state.setPromoting(null)} />
    </>
  );
}
