"use client";

import { Table } from "../ui/table";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { SCOPES } from "../../domain/access/scopes";
import { Pill } from "../board/badges";
import { errorDetails } from "../ui/errors";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { ConfirmButton } from "../ui/confirm-button";
import { Field, TextInput } from "../ui/field";
import { RelativeTime } from "../ui/relative-time";
import { toast } from "../ui/toaster";

interface Token {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** API tokens: shown once when created, stored hashed, scoped, revocable. */
export function Tokens({ project, tokens, onChanged }: { project: string; tokens: Token[]; onChanged: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.settings.createToken.mutationOptions());
  const revoke = useMutation(trpc.settings.revokeToken.mutationOptions());
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["builds:write", "tests:write"]);
  const [expiresIn, setExpiresIn] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const now = new Date();
  const stateOf = (t: Token) => (t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt <= now ? "expired" : "active");
  return (
    <section aria-labelledby="tokens-heading" className="space-y-3">
      <h2 id="tokens-heading" className="text-[15px] font-semibold">
        API tokens
      </h2>
      <p className="muted text-[13px]">
        For CI servers and scripts: send it as &ldquo;Authorization: Bearer &lt;token&gt;&rdquo;. Only its hash is kept.
      </p>
      {created && (
        <div
          role="status"
          className="rounded-md border border-emerald-600/40 bg-emerald-50 p-3 text-[13px] dark:bg-emerald-500/10"
        >
          <p className="font-medium">Copy the new token now: it is not shown again.</p>
          <code className="mt-1 block font-mono text-xs break-all" aria-label="New token">
            {created}
          </code>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="muted panel rounded-md p-4 text-[13px]">No token yet. Create one for your CI server below.</p>
      ) : (
        <Table
          caption="API tokens"
          rows={tokens}
          rowKey={(t) => t.id}
          columns={[
            {
              header: "Name",
              cell: (t) => (
                <>
                  {t.name} <span className="muted font-mono text-xs">{t.prefix}…</span>
                </>
              ),
            },
            { header: "Scopes", className: "text-xs", cell: (t) => t.scopes.join(", ") },
            {
              header: "Last used",
              className: "muted text-xs",
              cell: (t) => (t.lastUsedAt ? <RelativeTime date={t.lastUsedAt} /> : "never"),
            },
            {
              header: "State",
              cell: (t) => (
                <Pill
                  tone={stateOf(t) === "active" ? "green" : "grey"}
                  label={stateOf(t)}
                  title={t.expiresAt ? `Expires ${t.expiresAt.toLocaleString()}` : "Does not expire"}
                />
              ),
            },
            {
              header: "Actions",
              srOnly: true,
              className: "text-right",
              cell: (t) =>
                stateOf(t) === "active" && (
                  <ConfirmButton
                    variant="ghost"
                    className="text-red-700 dark:text-red-400"
                    title={`Revoke the token "${t.name}"?`}
                    question="Anything using it stops working at once. This cannot be undone: a new token would have to be made and given to it."
                    confirm="Revoke"
                    danger
                    onConfirm={async () => {
                      await revoke.mutateAsync({ project, id: t.id });
                      toast.success(`Token "${t.name}" revoked`);
                      onChanged();
                    }}
                  >
                    Revoke
                  </ConfirmButton>
                ),
            },
          ]}
        />
      )}
      <form
        className="panel space-y-3 rounded-md p-4"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            const result = await create.mutateAsync({ project, name, scopes, expiresIn: expiresIn || null });
            setCreated(result.token);
            setName("");
            onChanged();
          } catch (error) {
            toast.error("The token was not created", [errorDetails(error).message]);
          }
        }}
      >
        <h3 className="text-[13px] font-semibold">New token</h3>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Name">
            <TextInput value={name} onChange={(e) => setName(e.target.value)} placeholder="Jenkins" maxLength={100} />
          </Field>
          <Field label="Expires">
            <select
              value={expiresIn}
              onChange={(e) => setExpiresIn(e.target.value)}
              className="h-8 w-full rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-[13px]"
            >
              <option value="">Never</option>
              <option value="30d">In 30 days</option>
              <option value="90d">In 90 days</option>
              <option value="365d">In a year</option>
            </select>
          </Field>
        </div>
        <fieldset>
          <legend className="mb-1 text-xs font-medium">Scopes</legend>
          <div className="flex flex-wrap gap-3 text-[13px]">
            {SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  className="h-4 w-4 accent-blue-600"
                  checked={scopes.includes(scope)}
                  onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
                />
                {scope}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="primary" disabled={scopes.length === 0 || create.isPending}>
          Create token
        </Button>
      </form>
    </section>
  );
}
