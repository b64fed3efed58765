"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PageHeader } from "../project/project-nav";
import { useState } from "react";
import { isStageKey, STAGE_NAMES } from "../../domain/funnel/stages";
import { errorDetails } from "../ui/errors";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { toast } from "../ui/toaster";

/** Rejected cards: searchable, each with its reason, restorable to the column it left. */
export function ArchiveView({ project }: { project: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const archive = useQuery(trpc.item.archive.queryOptions({ project, q }));
  const restore = useMutation(trpc.item.restore.mutationOptions());
  return (
    <div>
      <PageHeader slug={project} title="Archive" current="/archive">
        <input
          type="search"
          aria-label="Search the archive"
          placeholder="Search key, title or reason"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          className="h-8 w-72 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-[13px]"
        />
      </PageHeader>
      <div className="mx-auto max-w-4xl p-6">
        {archive.isError && <p role="alert">{archive.error.message}</p>}
        {archive.data?.length === 0 && (
          <p className="muted panel rounded-md p-6 text-center">
            {q
              ? `No rejected card matches “${q}”.`
              : "Nothing rejected yet. Rejected ideas and stories land here with their reason, and can be restored."}
          </p>
        )}
        <ul className="space-y-2">
          {archive.data?.map((card) => (
            <li key={card.id} className="panel flex items-start gap-3 rounded-md p-3">
              <div className="min-w-0 flex-1">
                <p>
                  <span className="muted mr-2 font-mono text-xs">{card.key}</span>
                  <span className="font-medium">{card.title}</span>
                </p>
                <p className="muted mt-1 text-[13px]">
                  Rejected from{" "}
                  {card.rejectedFromStage && isStageKey(card.rejectedFromStage)
                    ? STAGE_NAMES[card.rejectedFromStage]
                    : "Idea"}{" "}
                  <RelativeTime date={card.rejectedAt} />: <q>{card.rejectedReason}</q>
                </p>
              </div>
              <Button
                needs="member"
                onClick={async () => {
                  try {
                    await restore.mutateAsync({ id: card.id });
                    toast.success(`${card.key} restored to the board`);
                    await queryClient.invalidateQueries({ queryKey: trpc.item.archive.pathKey() });
                    await queryClient.invalidateQueries({ queryKey: trpc.board.get.queryKey({ project }) });
                  } catch (error) {
                    toast.error(`${card.key} could not be restored`, [errorDetails(error).message]);
                  }
                }}
              >
                Restore
              </Button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
