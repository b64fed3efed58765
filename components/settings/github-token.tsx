"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorDetails } from "../ui/errors";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { Field, TextInput } from "../ui/field";
import { toast } from "../ui/toaster";

/** The token Shiplane posts the shiplane/gates commit status with (never shown back). */
export function GithubToken({
  project,
  current,
  onChanged,
}: {
  project: string;
  current: { configured: boolean; ending: string | null };
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.settings.setGithubToken.mutationOptions());
  const [token, setToken] = useState("");
  const submit = async (value: string | null) => {
    try {
      await save.mutateAsync({ project, token: value });
      setToken("");
      toast.success(value ? "GitHub token saved" : "GitHub token removed");
      onChanged();
    } catch (error) {
      toast.error("The GitHub token was not saved", [errorDetails(error).message]);
    }
  };
  return (
    <section aria-labelledby="github-token-heading" className="space-y-3">
      <h2 id="github-token-heading" className="text-[15px] font-semibold">
        Merge status on GitHub
      </h2>
      <p className="muted text-[13px]">
        With a GitHub token (fine-grained: Commit statuses, read and write), Shiplane marks each open pull request with
        the status &ldquo;shiplane/gates&rdquo;: good to merge, waiting for approvals or checks, or blocked.
        {current.configured ? ` A token ending in …${current.ending} is set.` : " No token is set."}
      </p>
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(token);
        }}
      >
        <div className="flex-1">
          <Field label="GitHub token">
            <TextInput
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              placeholder="github_pat_…"
            />
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={!token.trim() || save.isPending}>
          Save token
        </Button>
        {current.configured && <Button onClick={() => void submit(null)}>Remove</Button>}
      </form>
    </section>
  );
}
