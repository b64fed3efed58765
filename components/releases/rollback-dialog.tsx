"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { errorDetails } from "../ui/errors";
import { PromptDialog } from "../ui/prompt-dialog";
import { RelativeTime } from "../ui/relative-time";

/**
 * Rolling back names its target before it runs: the release the environment served before the
 * current one, its cards, when it was last live, and whether traffic switches or it is deployed
 * again. A rollback with nowhere earlier to go says why, and offers nothing to confirm.
 */
export function RollbackDialog({
  project,
  environment,
  onClose,
  onConfirm,
  busy,
}: {
  project: string;
  environment: string | null;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  busy: boolean;
}) {
  const trpc = useTRPC();
  const preview = useQuery({
    ...trpc.release.rollbackPreview.queryOptions({ project, environment: environment ?? "" }),
    enabled: environment !== null,
    retry: false,
  });
  const data = preview.data;
  if (environment !== null && preview.isError) {
    return (
      <Dialog open onClose={onClose} title={`Roll back ${environment}?`}>
        <div className="space-y-3 text-[13px]">
          <p role="alert" className="text-red-700 dark:text-red-400">
            {errorDetails(preview.error).message}
          </p>
          <div className="flex justify-end">
            <Button onClick={onClose}>Close</Button>
          </div>
        </div>
      </Dialog>
    );
  }
  return (
    <PromptDialog
      open={environment !== null && Boolean(data)}
      title={data ? `Roll back ${data.environment} to ${data.target.version}?` : "Roll back?"}
      label="Why (recorded)"
      hint="The reason goes into the audit trail and the release's history."
      required
      danger
      busy={busy}
      confirm={data ? `Roll back to ${data.target.version}` : "Roll back"}
      onClose={onClose}
      onConfirm={onConfirm}
    >
      {data && (
        <div className="space-y-2" aria-label="What the rollback does">
          <p>
            {data.environment} serves <strong>{data.current.version}</strong> now. It goes back to{" "}
            <strong>{data.target.version}</strong>, which was live until <RelativeTime date={data.target.liveUntil} />
            {data.how === "switch"
              ? `: the idle ${data.slot} slot still holds it, verified, so traffic switches back.`
              : data.slot
                ? `: it is deployed again to the idle ${data.slot} slot, verified, then traffic switches.`
                : ": it is deployed again and verified."}
          </p>
          <p>
            {data.current.version} is pinned (automatic promotion leaves it alone) and its cards go back to Test;{" "}
            {data.target.cards.length ? "these cards are live again:" : `${data.target.version} carries no card.`}
          </p>
          <ul className="space-y-0.5">
            {data.target.cards.map((card) => (
              <li key={card.id}>
                <span className="font-mono text-xs">{card.key}</span> {card.title}
              </li>
            ))}
          </ul>
        </div>
      )}
    </PromptDialog>
  );
}
