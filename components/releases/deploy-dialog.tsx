"use client";

import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import type { EnvironmentView } from "./use-releases";

export interface DeployRequest {
  releaseId: number;
  version: string;
  environment: EnvironmentView;
}

/** A deploy is confirmed first, naming the release, the environment and where in it the release lands. */
export function DeployDialog({
  request,
  onClose,
  onConfirm,
  busy,
}: {
  request: DeployRequest | null;
  onClose: () => void;
  onConfirm: (request: DeployRequest) => void;
  busy: boolean;
}) {
  const environment = request?.environment;
  const idle = environment?.strategy === "blue-green" ? (environment.activeSlot === "green" ? "blue" : "green") : null;
  return (
    <Dialog
      open={request !== null}
      onClose={onClose}
      title={request ? `Deploy ${request.version} to ${request.environment.name}?` : "Deploy?"}
    >
      {request && environment && (
        <div className="space-y-3 text-[13px]">
          <p>
            {idle
              ? `${request.version} goes to the idle ${idle} slot of ${environment.name}; traffic stays on ${environment.activeSlot ?? "blue"}.`
              : `${request.version} replaces what ${environment.name} runs${environment.serving?.version ? ` (${environment.serving.version})` : ""}.`}{" "}
            {environment.settings.verify
              ? "Its regression suite runs against it afterwards."
              : `${environment.name} has no verify step.`}
          </p>
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button autoFocus variant="primary" disabled={busy} onClick={() => onConfirm(request)}>
              Deploy {request.version}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
