"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { useAccess } from "../access/access";
import { useTRPC } from "../trpc/client";
import { errorDetails } from "../ui/errors";
import { toast } from "../ui/toaster";
import { upsertCard } from "./board-state";
import { useBoardCache } from "./use-board";

/** The signed-in person's name as a card's owner (their email when they have no name). */
export function ownerName(user: { name: string; email: string } | null): string | null {
  return user ? user.name.trim() || user.email : null;
}

/** "Assign to me": the card's owner becomes the signed-in person, at the version on screen. */
export function useAssignToMe(project: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const patch = useBoardCache(project);
  const access = useAccess();
  const update = useMutation(trpc.item.update.mutationOptions());
  const me = ownerName(access.user);
  return useCallback(
    async (card: BoardCard) => {
      if (!me || !access.allows("member")) {
        toast.error(`${card.key} was not assigned`, [access.why("member") ?? "Sign in to take cards."]);
        return;
      }
      try {
        const updated = await update.mutateAsync({ id: card.id, expectedVersion: card.version, owner: me });
        patch((board) => upsertCard(board, updated));
        void queryClient.invalidateQueries({ queryKey: trpc.item.get.queryKey({ id: card.id }) });
        toast.success(`${card.key} is yours`);
      } catch (error) {
        toast.error(`${card.key} was not assigned`, [errorDetails(error).message]);
      }
    },
    // `update` changes identity every render; its mutateAsync is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [me, access.role, patch, queryClient, trpc],
  );
}
