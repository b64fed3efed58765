"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Field, TextArea, TextInput } from "../ui/field";
import { toast } from "../ui/toaster";
import { upsertCard } from "./board-state";
import { useBoardCache } from "./use-board";
import { errorDetails } from "../ui/errors";

export function NewIdeaDialog({ project, open, onClose }: { project: string; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const patch = useBoardCache(project);
  const create = useMutation(trpc.item.create.mutationOptions());
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [labels, setLabels] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const close = () => {
    setTitle("");
    setDescription("");
    setLabels("");
    setError(null);
    setInvalid({});
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="New idea">
      <form
        className="space-y-3"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            const card = await create.mutateAsync({ project, title, description, labels: labels.split(",") });
            patch((b) => upsertCard(b, card));
            toast.success(`${card.key} captured in Idea`);
            close();
          } catch (cause) {
            const details = errorDetails(cause);
            setError(details.message);
            setInvalid(details.fields);
          }
        }}
      >
        <Field label="Title" error={invalid.title}>
          <TextInput
            autoFocus
            required
            maxLength={500}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="What could we build?"
          />
        </Field>
        <Field
          label="Description"
          error={invalid.description}
          hint="Why it matters and for whom. An idea needs one to become a story."
        >
          <TextArea value={description} onChange={(event) => setDescription(event.target.value)} />
        </Field>
        <Field label="Labels" error={invalid.labels} hint="Comma-separated, e.g. checkout, ux">
          <TextInput value={labels} onChange={(event) => setLabels(event.target.value)} />
        </Field>
        {error && (
          <p role="alert" className="text-[13px] text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending || !title.trim()}>
            Capture idea
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
