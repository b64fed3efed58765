"use client";

import { useState } from "react";
import { STAGE_NAMES, type StageKey } from "../../domain/funnel/stages";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field, TextArea } from "../ui/field";
import type { MoveRequest } from "./use-board";

/** A backward move is rework: ask why before sending it. */
export function ReasonDialog({
  request,
  onCancel,
  onConfirm,
}: {
  request: MoveRequest | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const close = () => {
    setReason("");
    onCancel();
  };
  return (
    <Dialog open={request !== null} onClose={close} title="Send back for rework">
      {request && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm(reason.trim());
            setReason("");
          }}
          className="space-y-3"
        >
          <p className="text-[13px]">
            {request.card.key} goes back from {STAGE_NAMES[request.card.stage as StageKey]} to{" "}
            {STAGE_NAMES[request.toStage]}. The reason stays in its history.
          </p>
          <Field label="Reason">
            <TextArea
              autoFocus
              required
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder="e.g. Acceptance criteria unclear"
            />
          </Field>
          <div className="flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={!reason.trim()}>
              Send back
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
