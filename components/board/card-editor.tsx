"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useAccess } from "../access/access";
import { mergeEdits } from "./merge-edits";
import { ownerName } from "./use-assign";
import type { BoardCard } from "../../domain/funnel/card";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { Field, TextArea, TextInput } from "../ui/field";
import { toast } from "../ui/toaster";
import { upsertCard } from "./board-state";
import { useBoardCache } from "./use-board";
import { errorDetails } from "../ui/errors";

type Fields = ReturnType<typeof fieldsOf>;

const fieldsOf = (card: BoardCard, description: string) => ({
  title: card.title,
  description,
  owner: card.owner ?? "",
  labels: card.labels.join(", "),
  estimate: card.estimate === null ? "" : String(card.estimate),
  needsManualQa: card.needsManualQa,
  blocked: card.blocked,
  blockedReason: card.blockedReason ?? "",
});

const FIELD_NAMES: Record<keyof Fields, string> = {
  title: "Title",
  description: "Description",
  owner: "Owner",
  labels: "Labels",
  estimate: "Estimate",
  needsManualQa: "Needs manual QA",
  blocked: "Blocked",
  blockedReason: "Blocked by",
};

/**
 * The card's fields. Saving sends the version the form stands on, so nobody's edit is overwritten
 * silently; when the card changes meanwhile (here or elsewhere), what you typed is kept, merged
 * with the other change, and a field you both changed is shown with theirs, to keep or replace.
 */
export function CardEditor({
  project,
  card,
  description,
  onDirtyChange,
  focusTitle = false,
}: {
  project: string;
  card: BoardCard;
  description: string;
  onDirtyChange?: (dirty: boolean) => void;
  focusTitle?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const patch = useBoardCache(project);
  const access = useAccess();
  const update = useMutation(trpc.item.update.mutationOptions());
  const theirs = fieldsOf(card, description);
  const [base, setBase] = useState({ version: card.version, fields: theirs });
  const [form, setForm] = useState(theirs);
  const [conflict, setConflict] = useState<{ keys: (keyof Fields)[]; theirs: Fields } | null>(null);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  if (base.version !== card.version) {
    const { merged, conflicts } = mergeEdits(base.fields, form, theirs);
    setBase({ version: card.version, fields: theirs });
    setForm(merged);
    setConflict(conflicts.length ? { keys: conflicts, theirs } : null);
  }
  const dirty = JSON.stringify(form) !== JSON.stringify(base.fields);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setForm((f) => ({ ...f, [key]: value }));
  const canEdit = access.allows("member");
  const me = ownerName(access.user);
  const members = useQuery(trpc.member.list.queryOptions({ project }));
  const people = (members.data?.members ?? []).map((m) => ({ value: m.name.trim() || m.email, label: m.email }));
  const readOnly = card.stage === "rejected" || !canEdit;

  return (
    <form
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const updated = await update.mutateAsync({
            id: card.id,
            expectedVersion: base.version,
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
          if (details.code === "ITEM.STALE_VERSION") {
            toast.error(`${card.key} changed while you were editing`, [
              "Your edits are kept and merged with the other change: review them and save again.",
            ]);
            await queryClient.invalidateQueries({ queryKey: trpc.item.get.queryKey({ id: card.id }) });
          } else toast.error(`${card.key} was not saved`, [details.message]);
        }
      }}
    >
      {!canEdit && card.stage !== "rejected" && <p className="muted text-[13px]">{access.why("member")}</p>}
      {conflict && (
        <div
          role="status"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-[13px] text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-medium">
            Someone else changed {conflict.keys.map((key) => FIELD_NAMES[key]).join(", ")} while you were editing. Your
            text is kept; theirs:
          </p>
          <dl className="space-y-1">
            {conflict.keys.map((key) => (
              <div key={key}>
                <dt className="font-medium">{FIELD_NAMES[key]}</dt>
                <dd className="break-words whitespace-pre-wrap">{String(conflict.theirs[key]) || "(empty)"}</dd>
              </div>
            ))}
          </dl>
          <div className="flex gap-2">
            <Button onClick={() => setConflict(null)}>Keep mine</Button>
            <Button
              onClick={() => {
                setForm((f) => ({
                  ...f,
                  ...Object.fromEntries(conflict.keys.map((key) => [key, conflict.theirs[key]])),
                }));
                setConflict(null);
              }}
            >
              Use theirs
            </Button>
          </div>
        </div>
      )}
      <fieldset disabled={readOnly} className="space-y-3">
        <Field label="Title" error={invalid.title}>
          <TextInput
            required
            autoFocus={focusTitle}
            maxLength={500}
            value={form.title}
            onChange={(e) => set("title", e.target.value)}
          />
        </Field>
        <Field label="Description" error={invalid.description}>
          <TextArea rows={5} value={form.description} onChange={(e) => set("description", e.target.value)} />
        </Field>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <div>
            <Field label="Owner" error={invalid.owner} hint="Pick one of the project's people, or type a name.">
              <TextInput
                list={`owners-${card.id}`}
                value={form.owner}
                onChange={(e) => set("owner", e.target.value)}
                placeholder="Unassigned"
              />
              <datalist id={`owners-${card.id}`}>
                {people.map((person) => (
                  <option key={person.value} value={person.value}>
                    {person.label}
                  </option>
                ))}
              </datalist>
            </Field>
            {me && form.owner !== me && !readOnly && (
              <button
                type="button"
                className="mt-1 text-[12px] text-blue-700 underline dark:text-blue-400"
                onClick={() => set("owner", me)}
              >
                Assign to me
              </button>
            )}
          </div>
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
          <Button disabled={!dirty} onClick={() => setForm(base.fields)}>
            Discard
          </Button>
          <Button
            needs="member"
            type="submit"
            variant="primary"
            disabled={!dirty || update.isPending || conflict !== null}
          >
            Save
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
