"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { BoardCard } from "../../domain/funnel/card";
import { errorDetails } from "../ui/errors";
import { useTRPC } from "../trpc/client";
import { toast } from "../ui/toaster";
import { PromoteDialog } from "./promote-dialog";

/**
 * A card dropped on Live asks to promote its release: the same confirmation as the releases
 * page. The card moves when the promotion is done (the board updates live).
 */
export function PromoteCardDialog({ card, onClose }: { card: BoardCard | null; onClose: () => void }) {
  const trpc = useTRPC();
  const release = useQuery({ ...trpc.release.ofItem.queryOptions({ id: card?.id ?? 0 }), enabled: card !== null });
  const promote = useMutation(
    trpc.release.promote.mutationOptions({
      onSuccess: () =>
        toast.info(`Promoting ${release.data?.version}`, [`${card?.key} moves to Live when it is done.`]),
      onError: (error) => {
        const details = errorDetails(error);
        toast.error(`${card?.key} cannot go live yet`, details.reasons.length ? details.reasons : [details.message]);
      },
      onSettled: onClose,
    }),
  );
  const releaseId = card && release.data ? release.data.id : null;
  return (
    <PromoteDialog
      releaseId={releaseId}
      busy={promote.isPending}
      onClose={onClose}
      onConfirm={({ reason, force }) => releaseId && promote.mutate({ releaseId, reason, force })}
    />
  );
}
