"use client";

import { Table } from "../ui/table";
import { useAccess } from "../access/access";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { describeActor } from "../board/describe-event";
import { errorDetails } from "../ui/errors";
import { PageHeader } from "../project/project-nav";
import { useTRPC } from "../trpc/client";
import { Button } from "../ui/button";
import { downloadCsv, toCsv } from "../ui/csv";
import { RelativeTime } from "../ui/relative-time";

const CONTROL = "h-7 rounded border border-[var(--border)] bg-[var(--panel)] px-1.5 text-xs";

/** The project's audit trail, filtered by action, actor and days (kept in the URL), with CSV export. */
export function AuditView({ project }: { project: string }) {
  const me = useAccess().user?.email;
  const trpc = useTRPC();
  const client = useQueryClient();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = {
    action: params.get("action") || null,
    actor: params.get("actor") || null,
    from: params.get("from") || null,
    to: params.get("to") || null,
  };
  const [limit, setLimit] = useState(100);
  const input = { project, ...filter };
  const first = useQuery({
    ...trpc.audit.list.queryOptions({ ...input, limit }),
    placeholderData: (previous) => previous,
  });
  const entries = first.data?.entries ?? [];
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    setLimit(100);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const exportCsv = async () => {
    const all = await client.fetchQuery(trpc.audit.list.queryOptions({ ...input, limit: 10_000 }));
    const columns = [
      { key: "at", label: "Time", value: (r: (typeof all.entries)[number]) => new Date(r.at).toISOString() },
      { key: "actor", label: "Actor", value: (r: (typeof all.entries)[number]) => r.actor },
      { key: "action", label: "Action", value: (r: (typeof all.entries)[number]) => r.action },
      { key: "summary", label: "Details", value: (r: (typeof all.entries)[number]) => r.summary },
    ];
    downloadCsv(`audit-${project}.csv`, toCsv(all.entries, columns));
  };
  return (
    <div>
      <PageHeader slug={project} title="Audit" current="/audit">
        <Button
          variant="ghost"
          className="h-7 text-xs"
          onClick={() => void exportCsv()}
          disabled={entries.length === 0}
        >
          Export CSV
        </Button>
      </PageHeader>
      <main className="mx-auto max-w-5xl space-y-4 p-6 text-[13px]">
        <form
          aria-label="Filter the audit trail"
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => e.preventDefault()}
        >
          <label className="flex items-center gap-1">
            <span className="muted text-xs">Action</span>
            <select
              aria-label="Action"
              className={CONTROL}
              value={filter.action ?? ""}
              onChange={(e) => set("action", e.target.value)}
            >
              <option value="">All</option>
              {(first.data?.actions ?? []).map((a) => (
                <option key={a.action} value={a.action}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            <span className="muted text-xs">Actor</span>
            <input
              aria-label="Actor"
              className={CONTROL}
              defaultValue={filter.actor ?? ""}
              placeholder="user:ana, token:3, system…"
              onBlur={(e) => set("actor", e.target.value.trim())}
              onKeyDown={(e) => e.key === "Enter" && set("actor", e.currentTarget.value.trim())}
            />
          </label>
          <label className="flex items-center gap-1">
            <span className="muted text-xs">From</span>
            <input
              type="date"
              aria-label="From"
              className={CONTROL}
              value={filter.from ?? ""}
              onChange={(e) => set("from", e.target.value)}
            />
          </label>
          <label className="flex items-center gap-1">
            <span className="muted text-xs">To</span>
            <input
              type="date"
              aria-label="To"
              className={CONTROL}
              value={filter.to ?? ""}
              onChange={(e) => set("to", e.target.value)}
            />
          </label>
        </form>
        {first.isError && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {errorDetails(first.error).message}
          </p>
        )}
        {first.data && entries.length === 0 ? (
          <p className="muted panel rounded-md p-4">
            Nothing audited matches: sign-ins, roles, settings, tokens, forced moves, deploys, promotions and rollbacks
            show here.
          </p>
        ) : (
          <Table
            caption="Audit trail"
            rows={entries}
            rowKey={(entry) => entry.key}
            columns={[
              {
                header: "When",
                className: "muted whitespace-nowrap text-xs",
                cell: (entry) => <RelativeTime date={entry.at} />,
              },
              { header: "Who", cell: (entry) => <span title={entry.actor}>{describeActor(entry.actor, me)}</span> },
              { header: "Action", cell: (entry) => entry.label },
              { header: "Details", cell: (entry) => entry.summary },
            ]}
          />
        )}
        {first.data?.more && <Button onClick={() => setLimit(limit + 100)}>Show older</Button>}
      </main>
    </div>
  );
}
