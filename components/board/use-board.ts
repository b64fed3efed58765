"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState, useSyncExternalStore } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { signInAgain, useTRPC } from "../trpc/client";
import { errorDetails } from "../ui/errors";
import { toast } from "../ui/toaster";
import { boardHeadInput } from "./board-query";
import { moveCardLocally, upsertCard } from "./board-state";
import { clearRefusal, reportRefusal } from "./refusals";

function subscribeVisibility(callback: () => void) {
  document.addEventListener("visibilitychange", callback);
  return () => document.removeEventListener("visibilitychange", callback);
}

type BoardData = NonNullable<ReturnType<typeof useBoardQueries>["head"]["data"]>;

function useBoardQueries(project: string) {
  const trpc = useTRPC();
  const head = useQuery(trpc.board.get.queryOptions(boardHeadInput(project)));
  const full = useQuery({ ...trpc.board.get.queryOptions({ project }), enabled: head.data?.complete === false });
  return { head, full };
}

/**
 * Changes the board in the client's cache, whichever answer it holds (the head of each
 * column, the whole board, or both while the rest loads).
 */
export function useBoardCache(project: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (change: (board: BoardData) => BoardData) => {
      for (const key of [trpc.board.get.queryKey(boardHeadInput(project)), trpc.board.get.queryKey({ project })]) {
        queryClient.setQueryData(key, (board) => board && change(board));
      }
    },
    [trpc, queryClient, project],
  );
}

/**
 * The board: first the head of each column (a large board is usable at once), then every
 * card. The whole board is kept current by the live subscription, paused while the tab is hidden.
 */
export function useBoard(project: string) {
  const trpc = useTRPC();
  const { head, full } = useBoardQueries(project);
  const patch = useBoardCache(project);
  const board = full.data ? full : head;
  const whole = board.data?.complete === false ? undefined : board.data;
  const visible = useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === "visible",
    () => true,
  );
  // The subscription starts after the newest event the whole board reflects: when it first
  // loads, and again each time the tab becomes visible.
  const [resumeFrom, setResumeFrom] = useState<string | null>(null);
  const [resumedWhileVisible, setResumedWhileVisible] = useState(false);
  if (whole && visible !== resumedWhileVisible) {
    setResumedWhileVisible(visible);
    if (visible) setResumeFrom(String(whole.lastEventId));
  }

  const router = useRouter();
  const queryClient = useQueryClient();
  const live = useSubscription(
    trpc.board.watch.subscriptionOptions(
      { project, lastEventId: resumeFrom },
      {
        enabled: whole !== undefined && visible && resumeFrom !== null,
        // The server ends a stream whose session ended (sign in again) or whose role changed: the
        // page is rendered again with the new role (or the refusal) and the board reloads.
        onError: (error) => {
          signInAgain(error);
          const details = errorDetails(error);
          if (details.code === "STREAM.ACCESS_CHANGED") {
            toast.info(details.message);
            router.refresh();
            // Off until the board is reloaded, then on again from the reloaded board's newest event.
            setResumeFrom(null);
            void queryClient.invalidateQueries({ queryKey: trpc.board.get.queryKey() }).then(() => {
              const reloaded =
                queryClient.getQueryData(trpc.board.get.queryKey({ project })) ??
                queryClient.getQueryData(trpc.board.get.queryKey(boardHeadInput(project)));
              if (reloaded) setResumeFrom(String(reloaded.lastEventId));
            });
          } else if (details.code === "STREAM.LIMIT")
            toast.error("Live updates are off in this tab", [details.message]);
        },
        onData: ({ data: change }) => {
          patch((current) =>
            change.card
              ? upsertCard(current, change.card, change.eventId)
              : { ...current, lastEventId: Math.max(current.lastEventId, change.eventId) },
          );
          // The card's panel, if open, follows the same change (its fields and history).
          if (change.card)
            void queryClient.invalidateQueries({ queryKey: trpc.item.get.queryKey({ id: change.card.id }) });
        },
      },
    ),
  );
  return { board, live: live.status };
}

export interface MoveRequest {
  card: BoardCard;
  toStage: StageKey;
  afterId: number | null;
  beforeId: number | null;
  reason?: string;
  force?: boolean;
}

/** Moves a card optimistically; a refusal puts it back and says why. */
export function useMoveCard(project: string) {
  const trpc = useTRPC();
  const patch = useBoardCache(project);
  const mutation = useMutation(trpc.item.move.mutationOptions());
  const queryClient = useQueryClient();

  return useCallback(
    async ({ card, toStage, afterId, beforeId, reason, force }: MoveRequest) => {
      patch((b) => moveCardLocally(b, card.id, toStage, afterId, beforeId));
      try {
        const moved = await mutation.mutateAsync({
          id: card.id,
          toStage,
          expectedVersion: card.version,
          afterId,
          beforeId,
          reason,
          force,
        });
        patch((b) => upsertCard(b, moved));
        clearRefusal(card.id);
        // An open panel shows the card as it is now, its history with this move.
        void queryClient.invalidateQueries({ queryKey: trpc.item.get.queryKey({ id: card.id }) });
        if (toStage !== card.stage) toast.success(`${card.key} moved to ${STAGE_NAMES[toStage]}`);
        return true;
      } catch (error) {
        const details = errorDetails(error);
        patch((b) => upsertCard(b, details.current ?? card));
        const title =
          details.code === "ITEM.STALE_VERSION"
            ? `${card.key} changed meanwhile: the board now shows its latest state. Try again.`
            : `${card.key} cannot move to ${STAGE_NAMES[toStage]}`;
        const lines = details.reasons.length
          ? details.reasons
          : details.code === "ITEM.STALE_VERSION"
            ? []
            : [details.message];
        toast.error(title, lines);
        reportRefusal(card.id, { title, lines });
        if (details.current) void queryClient.invalidateQueries({ queryKey: trpc.item.get.queryKey({ id: card.id }) });
        return false;
      }
    },
    // `mutation` changes identity every render; its mutateAsync is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [patch, queryClient, trpc],
  );
}
