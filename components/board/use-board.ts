"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useState, useSyncExternalStore } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { useTRPC } from "../trpc/client";
import { toast } from "../ui/toaster";
import { moveCardLocally, upsertCard } from "./board-state";

function subscribeVisibility(callback: () => void) {
  document.addEventListener("visibilitychange", callback);
  return () => document.removeEventListener("visibilitychange", callback);
}

/** Details a server error carries: the domain code, the gate's reasons, the current card on a conflict. */
export function errorDetails(error: unknown): { code: string | null; message: string; reasons: string[]; current: BoardCard | null } {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { domainCode?: string | null; details?: { reasons?: string[]; current?: BoardCard } | null };
    return { code: data.domainCode ?? null, message: error.message, reasons: data.details?.reasons ?? [], current: data.details?.current ?? null };
  }
  return { code: null, message: error instanceof Error ? error.message : String(error), reasons: [], current: null };
}

/** The board's query, kept current by the live subscription (paused while the tab is hidden). */
export function useBoard(project: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.board.get.queryKey({ project });
  const board = useQuery(trpc.board.get.queryOptions({ project }));
  const visible = useSyncExternalStore(subscribeVisibility, () => document.visibilityState === "visible", () => true);
  const loaded = board.data !== undefined;
  // The subscription starts after the newest event the cache has seen: when the board first
  // loads, and again each time the tab becomes visible (it is paused while hidden).
  const [resumeFrom, setResumeFrom] = useState<string | null>(null);
  const [resumedWhileVisible, setResumedWhileVisible] = useState(false);
  if (board.data && visible !== resumedWhileVisible) {
    setResumedWhileVisible(visible);
    if (visible) setResumeFrom(String(board.data.lastEventId));
  }

  const live = useSubscription(
    trpc.board.watch.subscriptionOptions(
      { project, lastEventId: resumeFrom },
      {
        enabled: loaded && visible && resumeFrom !== null,
        onData: ({ data: change }) => {
          queryClient.setQueryData(queryKey, (current) => {
            if (!current) return current;
            if (change.card) return upsertCard(current, change.card, change.eventId);
            return { ...current, lastEventId: Math.max(current.lastEventId, change.eventId) };
          });
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
  const queryClient = useQueryClient();
  const queryKey = trpc.board.get.queryKey({ project });
  const mutation = useMutation(trpc.item.move.mutationOptions());

  return useCallback(
    async ({ card, toStage, afterId, beforeId, reason, force }: MoveRequest) => {
      queryClient.setQueryData(queryKey, (b) => b && moveCardLocally(b, card.id, toStage, afterId, beforeId));
      try {
        const moved = await mutation.mutateAsync({ id: card.id, toStage, expectedVersion: card.version, afterId, beforeId, reason, force });
        queryClient.setQueryData(queryKey, (b) => b && upsertCard(b, moved));
        if (toStage !== card.stage) toast.success(`${card.key} moved to ${STAGE_NAMES[toStage]}`);
        return true;
      } catch (error) {
        const details = errorDetails(error);
        queryClient.setQueryData(queryKey, (b) => b && upsertCard(b, details.current ?? card));
        const title =
          details.code === "ITEM.STALE_VERSION"
            ? `${card.key} changed meanwhile: the board now shows its latest state. Try again.`
            : `${card.key} cannot move to ${STAGE_NAMES[toStage]}`;
        toast.error(title, details.reasons.length ? details.reasons : details.code === "ITEM.STALE_VERSION" ? [] : [details.message]);
        return false;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [project],
  );
}
