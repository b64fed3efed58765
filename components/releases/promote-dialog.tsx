"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field, TextArea } from "../ui/field";
import { useAccess } from "../access/access";

/**
 * The one-click promotion's confirmation: the release, the cards it carries and each gate's
 * state. A freeze window or a stopped line can be overridden by an admin with a reason; an admin
 * may also force a promotion past every gate, with a written reason (audited, shown as forced).
 */
export function PromoteDialog({
  releaseId,
  onClose,
  onConfirm,
  busy,
}: {
  releaseId: number | null;
  onClose: () => void;
  onConfirm: (choice: { reason: string | null; force: boolean }) => void;
  busy: boolean;
}) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [force, setForce] = useState(false);
  const admin = useAccess().allows("admin");
  const check = useQuery({
    ...trpc.release.checkPromotion.queryOptions({
      releaseId: releaseId ?? 0,
      reason: reason || null,
      force: force || undefined,
    }),
    enabled: releaseId !== null,
    placeholderData: (previous) => previous,
  });
  const data = check.data;
  const overridable = data?.decision.checks.some((c) => !c.ok && (c.gate === "line" || c.gate === "freeze"));
  const blocked = data ? data.decision.checks.some((c) => !c.ok) : false;
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
          {admin && blocked && (
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-0.5 h-4 w-4 accent-red-600"
                checked={force}
                onChange={(e) => setForce(e.target.checked)}
              />
              <span>
                Force it past the gates (admins only). Nothing else takes an untested release live; the reason is
                audited and the release shows as forced.
              </span>
            </label>
          )}
          {(overridable || force) && (
            <Field
              label={force ? "Why force it (recorded)" : "Reason to override (admins only)"}
              hint={
                force
                  ? "Say what makes this release safe to go live without its gates."
                  : "A freeze window or a stopped line holds promotions; an admin may go ahead with a written reason, which is recorded."
              }
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
              disabled={!data.decision.allowed || busy || (force && !reason.trim())}
              onClick={() => onConfirm({ reason: reason.trim() || null, force })}
            >
              {force ? `Force ${data.release.version} live` : `Promote ${data.release.version}`}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
