"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "../ui/button";
import { ConfirmButton } from "../ui/confirm-button";
import { toast } from "../ui/toaster";

const origin = () => window.location.origin;

function CopyField({ label, value, secret = false }: { label: string; value: string; secret?: boolean }) {
  const [shown, setShown] = useState(!secret);
  return (
    <div>
      <p className="mb-1 text-xs font-medium">{label}</p>
      <div className="flex items-center gap-2">
        <code className="panel flex-1 truncate rounded-md px-2.5 py-1.5 font-mono text-xs" aria-label={label}>
          {shown ? value : "•".repeat(24)}
        </code>
        {secret && <Button onClick={() => setShown(!shown)}>{shown ? "Hide" : "Reveal"}</Button>}
        <Button
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            toast.success(`${label} copied`);
          }}
        >
          Copy
        </Button>
      </div>
    </div>
  );
}

export function WebhookSetup({
  webhook,
  repo,
  onRegenerate,
}: {
  webhook: { path: string; secret: string | null; events: string[] };
  repo: string | null;
  onRegenerate: () => Promise<unknown>;
}) {
  const base = useSyncExternalStore(
    () => () => undefined,
    origin,
    () => "",
  );
  return (
    <section aria-labelledby="webhook-heading" className="space-y-4">
      <h2 id="webhook-heading" className="text-[15px] font-semibold">
        GitHub webhook
      </h2>
      <p className="muted text-[13px]">
        Pull requests, reviews, checks and pushes move and annotate the cards that their branch, title, body or commit
        messages name (for example SL-42 or [finishes #42]).
      </p>
      <CopyField label="Payload URL" value={`${base}${webhook.path}`} />
      {webhook.secret ? (
        <CopyField label="Secret" value={webhook.secret} secret />
      ) : (
        <p className="text-[13px]">No secret yet: generate one.</p>
      )}
      <div>
        <ConfirmButton
          title={webhook.secret ? "Regenerate the webhook secret?" : "Generate a webhook secret?"}
          question="GitHub's deliveries are refused until you paste the new secret into the webhook's settings in GitHub."
          confirm={webhook.secret ? "Regenerate" : "Generate"}
          onConfirm={async () => {
            await onRegenerate();
            toast.success("New webhook secret generated: update it in GitHub");
          }}
        >
          {webhook.secret ? "Regenerate secret" : "Generate secret"}
        </ConfirmButton>
      </div>
      <ol className="list-decimal space-y-1 pl-5 text-[13px]">
        <li>
          In GitHub, open {repo ? <strong>{repo}</strong> : "the repository"} → Settings → Webhooks → Add webhook.
        </li>
        <li>Paste the payload URL, set Content type to application/json, and paste the secret.</li>
        <li>
          Choose &ldquo;Let me select individual events&rdquo; and tick:{" "}
          {webhook.events.filter((e) => e !== "ping").join(", ")}.
        </li>
        <li>Add webhook. GitHub sends a ping: it appears below as processed.</li>
      </ol>
    </section>
  );
}
