"use client";

import { useAccess } from "../access/access";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { toast } from "../ui/toaster";
import { describeActor } from "./describe-event";
import { errorDetails } from "../ui/errors";

/** A card that needs manual QA: who signed it off, when and why, or a sign-off with a note. */
export function QaSignOff({
  id,
  cardKey,
  signedOffBy,
  signedOffAt,
  note,
}: {
  id: number;
  cardKey: string;
  signedOffBy: string | null;
  signedOffAt: Date | null;
  note: string | null;
}) {
  const access = useAccess();
  const me = access.user?.email;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const signOff = useMutation(
    trpc.release.signOffQa.mutationOptions({
      onSuccess: () => {
        toast.success(`QA signed off for ${cardKey}`);
        setText("");
        void queryClient.invalidateQueries({ queryKey: trpc.item.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.release.pathKey() });
      },
      onError: (error) => toast.error(`QA of ${cardKey} could not be signed off`, [errorDetails(error).message]),
    }),
  );
  return (
    <section aria-label="Manual QA" className="rounded-md border border-[var(--border)] p-3 text-[13px]">
      <h3 className="mb-1 font-semibold">Manual QA</h3>
      {signedOffAt && signedOffBy ? (
        <p>
          Signed off by {describeActor(signedOffBy, me)} <RelativeTime date={signedOffAt} />
          {note ? (
            <>
              : <q>{note}</q>
            </>
          ) : (
            "."
          )}
        </p>
      ) : (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            signOff.mutate({ id, note: text.trim() || null });
          }}
        >
          <span className="muted">Needed before this card can go live.</span>
          <input
            aria-label="QA note"
            disabled={!access.allows("release-manager")}
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="What was checked (optional)"
            className="h-8 min-w-48 flex-1 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 disabled:opacity-50"
          />
          <Button needs="release-manager" type="submit" disabled={signOff.isPending}>
            Sign off QA
          </Button>
        </form>
      )}
    </section>
  );
}
