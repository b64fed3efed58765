"use client";

import { useAccess } from "../access/access";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { STAGE_KEYS, STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field, TextArea } from "../ui/field";
import { toast } from "../ui/toaster";
import { upsertCard } from "./board-state";
import { CardBadgeRow } from "./badges";
import { CardEditor } from "./card-editor";
import { QaSignOff } from "./qa-sign-off";
import { CardHistory } from "./card-history";
import { LinkedWork } from "./linked-work";
import { useBoardCache, type MoveRequest } from "./use-board";
import { clearRefusal, useRefusal, type Refusal } from "./refusals";
import { errorDetails } from "../ui/errors";
import { QueryStatus } from "../ui/query-status";

/** The card's detail panel: edit it, accept or reject it, see its linked work and its history. */
export function CardDrawer({
  project,
  id,
  boardCard,
  focusTitle = false,
  onClose,
  onMove,
}: {
  project: string;
  id: number | null;
  /** The card as the board holds it now (patched by moves and the live stream), when it is on the board. */
  boardCard: BoardCard | null;
  /** Put the focus on the title field once it shows (the `e` shortcut). */
  focusTitle?: boolean;
  onClose: () => void;
  onMove: (req: MoveRequest) => void;
}) {
  const trpc = useTRPC();
  const detail = useQuery({ ...trpc.item.get.queryOptions({ id: id ?? 0 }), enabled: id !== null });
  const [unsaved, setUnsaved] = useState(false);
  const loaded = detail.data?.card;
  // The newer of the board's card and the panel's own: a move shows at once, before the panel reloads.
  const card =
    loaded && boardCard && boardCard.id === loaded.id && boardCard.version > loaded.version ? boardCard : loaded;
  return (
    <Dialog
      open={id !== null}
      onClose={() => {
        setUnsaved(false);
        onClose();
      }}
      title={card ? `${card.key} ${card.title}` : "Card"}
      side
      unsaved={unsaved && card ? `You have unsaved edits to ${card.key}.` : null}
    >
      <QueryStatus query={detail} />
      {detail.data && card && (
        <div className="space-y-6">
          <div className="flex flex-wrap items-center gap-2 text-[13px]">
            <span className="font-mono">{card.key}</span>
            <span className="rounded bg-black/5 px-1.5 py-0.5 dark:bg-white/10">{card.kind}</span>
            <span className="rounded bg-black/5 px-1.5 py-0.5 dark:bg-white/10">
              {card.stage === "rejected" ? "Archived" : STAGE_NAMES[card.stage as StageKey]}
            </span>
            <CardBadgeRow badges={card.badges} />
          </div>
          <CardActionsPanel project={project} card={card} rejectedReason={detail.data.rejectedReason} onMove={onMove} />
          {card.needsManualQa && card.stage !== "rejected" && (
            <QaSignOff
              id={card.id}
              cardKey={card.key}
              signedOffBy={detail.data.qaSignedOffBy}
              signedOffAt={detail.data.qaSignedOffAt}
              note={detail.data.qaSignOffNote}
            />
          )}
          <CardEditor
            project={project}
            card={detail.data.card}
            description={detail.data.description}
            onDirtyChange={setUnsaved}
            focusTitle={focusTitle}
          />
          <LinkedWork facts={detail.data.facts} requiredApprovals={card.badges.pr?.required ?? 1} />
          <CardHistory history={detail.data.history} intervals={detail.data.intervals} />
        </div>
      )}
    </Dialog>
  );
}

function CardActionsPanel({
  project,
  card,
  rejectedReason,
  onMove,
}: {
  project: string;
  card: BoardCard;
  rejectedReason: string | null;
  onMove: (req: MoveRequest) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const patch = useBoardCache(project);
  const reject = useMutation(trpc.item.reject.mutationOptions());
  const restore = useMutation(trpc.item.restore.mutationOptions());
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const applied = (updated: BoardCard) => {
    patch((b) => upsertCard(b, updated));
    void queryClient.invalidateQueries({ queryKey: trpc.item.pathKey() });
  };
  const access = useAccess();
  const move = (stage: StageKey) => onMove({ card, toStage: stage, afterId: null, beforeId: null });
  const refusal = useRefusal(card.id);

  if (card.stage === "rejected") {
    return (
      <section className="rounded-md border border-[var(--border)] p-3 text-[13px]">
        <p>
          Rejected: <q>{rejectedReason}</q>
        </p>
        <Button
          needs="member"
          className="mt-2"
          onClick={async () => {
            try {
              const updated = await restore.mutateAsync({ id: card.id });
              applied(updated);
              toast.success(`${card.key} restored to ${STAGE_NAMES[updated.stage as StageKey]}`);
            } catch (error) {
              toast.error(`${card.key} could not be restored`, [errorDetails(error).message]);
            }
          }}
        >
          Restore
        </Button>
      </section>
    );
  }
  return (
    <section className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {card.stage === "idea" && (
          <Button needs="member" variant="primary" onClick={() => move("story")}>
            Accept into Story
          </Button>
        )}
        <label className="flex items-center gap-2 text-[13px]">
          <span className="muted">Move to</span>
          <select
            aria-label="Move to stage"
            disabled={!access.allows("member")}
            title={access.why("member")}
            className="h-8 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-[13px] disabled:opacity-50"
            value=""
            onChange={(event) => event.target.value && move(event.target.value as StageKey)}
          >
            <option value="">Choose…</option>
            {STAGE_KEYS.filter((stage) => stage !== card.stage).map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_NAMES[stage]}
              </option>
            ))}
          </select>
        </label>
        {card.stage !== "live" && (
          <Button
            needs="member"
            variant="ghost"
            className="ml-auto text-red-700 dark:text-red-400"
            onClick={() => setRejecting(true)}
          >
            Reject…
          </Button>
        )}
      </div>
      {refusal && <RefusalNote refusal={refusal} onDismiss={() => clearRefusal(card.id)} />}
      {rejecting && (
        <form
          className="space-y-2 rounded-md border border-[var(--border)] p-3"
          onSubmit={async (event) => {
            event.preventDefault();
            try {
              applied(await reject.mutateAsync({ id: card.id, reason, expectedVersion: card.version }));
              toast.success(`${card.key} rejected and archived`);
              setRejecting(false);
              setReason("");
            } catch (error) {
              toast.error(`${card.key} could not be rejected`, [errorDetails(error).message]);
            }
          }}
        >
          <Field label="Why is it rejected?" hint="The reason stays on the card in the archive.">
            <TextArea autoFocus required value={reason} onChange={(event) => setReason(event.target.value)} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setRejecting(false)}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={!reason.trim() || reject.isPending}>
              Reject
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Why the card's last move was refused, beside the controls that asked for it. */
function RefusalNote({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  return (
    <div className="rounded-md border border-red-300 bg-red-50 p-3 text-[13px] text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      <div className="flex items-start justify-between gap-2">
        <p className="font-medium">{refusal.title}</p>
        <button type="button" aria-label="Dismiss the refusal" className="px-1 leading-none" onClick={onDismiss}>
          ×
        </button>
      </div>
      {refusal.lines.length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          {refusal.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
