"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field, TextArea } from "../ui/field";

/**
 * The one-click promotion's confirmation: the release, the cards it carries and each gate's
 * state. A freeze window or a stopped line can be overridden by an admin with a reason.
 */
export function PromoteDialog({
  releaseId,
  onClose,
  onConfirm,
  busy,
}: {
  releaseId: number | null;
  onClose: () => void;
  onConfirm: (reason: string | null) => void;
  busy: boolean;
}) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const check = useQuery({
    ...trpc.release.checkPromotion.queryOptions({ releaseId: releaseId ?? 0, reason: reason || null }),
    enabled: releaseId !== null,
  });
  const data = check.data;
  const overridable = data?.decision.checks.some((c) => !c.ok && (c.gate === "line" || c.gate === "freeze"));
  return (
    <Dialog
      open={releaseId !== null}
      onClose={onClose}
      title={data ? `Promote ${data.release.version} to ${data.environment ?? "live"}?` : "Promote to live?"}
    >
      {!data ? (
        <p className="muted">Checking the gates…</p>
      ) : (
        <div className="space-y-4 text-[13px]">
          <section aria-label="Cards in this release">
            <h3 className="mb-1 text-xs font-medium">
              It carries {data.facts.items.length === 1 ? "1 card" : `${data.facts.items.length} cards`}
            </h3>
            <ul className="space-y-0.5">
              {data.facts.items.map((item) => (
                <li key={item.key}>
                  <span className="font-mono text-xs">{item.key}</span> {item.title}
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Gates">
            <h3 className="mb-1 text-xs font-medium">Gates</h3>
            <ul className="space-y-1">
              {data.decision.checks.map((c) => (
                <li key={c.gate} className="flex gap-2">
                  <span aria-hidden className={c.ok ? "text-emerald-600" : "text-red-600"}>
                    {c.ok ? "✓" : "✗"}
                  </span>
                  <span>{c.detail}</span>
                </li>
              ))}
            </ul>
          </section>
          {overridable && (
            <Field
              label="Reason to override (admins only)"
              hint="A freeze window or a stopped line holds promotions; an admin may go ahead with a written reason, which is recorded."
            >
              <TextArea value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
          )}
          {!data.decision.allowed && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {data.decision.reasons.join(" ")}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button
              needs="release-manager"
              variant="primary"
              disabled={!data.decision.allowed || busy}
              onClick={() => onConfirm(reason.trim() || null)}
            >
              Promote {data.release.version}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
