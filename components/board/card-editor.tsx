"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BoardCard } from "../../domain/funnel/card";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { Field, TextArea, TextInput } from "../ui/field";
import { toast } from "../ui/toaster";
import { upsertCard } from "./board-state";
import { useBoardCache } from "./use-board";
import { errorDetails } from "../ui/errors";

/** The card's fields; saving sends the version it was loaded at, so nobody's edit is overwritten silently. */
export function CardEditor({ project, card, description }: { project: string; card: BoardCard; description: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const patch = useBoardCache(project);
  const update = useMutation(trpc.item.update.mutationOptions());
  const initial = {
    title: card.title,
    description,
    owner: card.owner ?? "",
    labels: card.labels.join(", "),
    estimate: card.estimate === null ? "" : String(card.estimate),
    needsManualQa: card.needsManualQa,
    blocked: card.blocked,
    blockedReason: card.blockedReason ?? "",
  };
  const [form, setForm] = useState(initial);
  const [loadedVersion, setLoadedVersion] = useState(card.version);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  if (loadedVersion !== card.version) {
    // The card changed (here or elsewhere): show its current fields.
    setLoadedVersion(card.version);
    setForm(initial);
  }
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const readOnly = card.stage === "rejected";

  return (
    <form
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const updated = await update.mutateAsync({
            id: card.id,
            expectedVersion: card.version,
            title: form.title,
            description: form.description,
            owner: form.owner || null,
            labels: form.labels.split(","),
            estimate: form.estimate === "" ? null : Number(form.estimate),
            needsManualQa: form.needsManualQa,
            blocked: form.blocked,
            blockedReason: form.blockedReason || null,
          });
          setInvalid({});
          patch((b) => upsertCard(b, updated));
          await queryClient.invalidateQueries({ queryKey: trpc.item.get.queryKey({ id: card.id }) });
          toast.success(`${card.key} saved`);
        } catch (error) {
          const details = errorDetails(error);
          setInvalid(details.fields);
          toast.error(`${card.key} was not saved`, [details.message]);
          if (details.code === "ITEM.STALE_VERSION")
            await queryClient.invalidateQueries({ queryKey: trpc.item.get.queryKey({ id: card.id }) });
        }
      }}
    >
      <fieldset disabled={readOnly} className="space-y-3">
        <Field label="Title" error={invalid.title}>
          <TextInput required maxLength={500} value={form.title} onChange={(e) => set("title", e.target.value)} />
        </Field>
        <Field label="Description" error={invalid.description}>
          <TextArea rows={5} value={form.description} onChange={(e) => set("description", e.target.value)} />
        </Field>
        <div className="grid grid-cols-3 gap-3">
          <Field label="Owner" error={invalid.owner}>
            <TextInput value={form.owner} onChange={(e) => set("owner", e.target.value)} placeholder="Unassigned" />
          </Field>
          <Field label="Labels" error={invalid.labels}>
            <TextInput value={form.labels} onChange={(e) => set("labels", e.target.value)} placeholder="ux, checkout" />
          </Field>
          <Field label="Estimate (points)" error={invalid.estimate}>
            <TextInput
              type="number"
              min={0}
              max={1000}
              value={form.estimate}
              onChange={(e) => set("estimate", e.target.value)}
            />
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-4 text-[13px]">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="h-4 w-4 accent-blue-600"
              checked={form.needsManualQa}
              onChange={(e) => set("needsManualQa", e.target.checked)}
            />
            Needs manual QA before live
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="h-4 w-4 accent-red-600"
              checked={form.blocked}
              onChange={(e) => set("blocked", e.target.checked)}
            />
            Blocked
          </label>
        </div>
        {form.blocked && (
          <Field label="Blocked by" error={invalid.blockedReason}>
            <TextInput
              value={form.blockedReason}
              onChange={(e) => set("blockedReason", e.target.value)}
              placeholder="Waiting for the payment provider's sandbox"
            />
          </Field>
        )}
        <div className="flex justify-end gap-2">
          <Button disabled={!dirty} onClick={() => setForm(initial)}>
            Discard
          </Button>
          <Button needs="member" type="submit" variant="primary" disabled={!dirty || update.isPending}>
            Save
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
