import type { CardBadges } from "../../domain/delivery/item-facts";

export type Tone = "green" | "amber" | "red" | "grey";

/** One palette for state everywhere: green passed/live, amber waiting/running, red failed/blocked, grey idle. */
export const TONE_CLASS: Record<Tone, string> = {
  green: "bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-500/10 dark:text-emerald-300",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-500/10 dark:text-amber-300",
  red: "bg-red-50 text-red-800 ring-red-600/25 dark:bg-red-500/10 dark:text-red-300",
  grey: "bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-500/15 dark:text-zinc-300",
};

export function Pill({ tone, label, title }: { tone: Tone; label: string; title: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset ${TONE_CLASS[tone]}`}
    >
      {label}
    </span>
  );
}

const STATUS_TONE: Record<string, Tone> = {
  passed: "green",
  succeeded: "green",
  merged: "green",
  failed: "red",
  cancelled: "grey",
  "rolled-back": "red",
  closed: "grey",
  queued: "amber",
  running: "amber",
  pending: "amber",
  open: "amber",
  none: "grey",
};

export function toneOf(status: string): Tone {
  return STATUS_TONE[status] ?? "grey";
}

/** The card's pipeline state in a row of small pills. */
export function CardBadgeRow({ badges }: { badges: CardBadges }) {
  const { pr, build, release, tests, deployment } = badges;
  if (!pr && !build && !release && !tests && !deployment) return null;
  return (
    <div className="mt-2 flex flex-wrap gap-1">
      {pr && (
        <Pill
          tone={
            pr.state === "closed" ? "grey" : pr.changesRequested ? "red" : pr.state === "merged" ? "green" : "amber"
          }
          label={`PR #${pr.number} ${pr.state}`}
          title={`Pull request #${pr.number}: ${pr.state}, checks ${pr.checks}`}
        />
      )}
      {pr?.goodToMerge && <Pill tone="green" label="good to merge" title="Mergeable, approved and green" />}
      {pr && !pr.goodToMerge && (
        <Pill
          tone={pr.changesRequested ? "red" : pr.approvals >= pr.required ? "green" : "amber"}
          label={
            pr.changesRequested
              ? "changes requested"
              : pr.approvals >= pr.required
                ? `${pr.approvals} approval${pr.approvals === 1 ? "" : "s"}`
                : `${pr.approvals}/${pr.required} approvals`
          }
          title={`Reviews on PR #${pr.number}`}
        />
      )}
      {build && (
        <Pill tone={toneOf(build.status)} label={`build ${build.status}`} title={`Newest CI build: ${build.status}`} />
      )}
      {release && <Pill tone="grey" label={`v${release.version}`} title={`In release ${release.version}`} />}
      {tests && (
        <Pill
          tone={tests.failed > 0 ? "red" : "green"}
          label={`${tests.passed}/${tests.passed + tests.failed} tests`}
          title={
            tests.source === "regression"
              ? "Regression suite on the newest deployment"
              : "Unit tests of the newest build"
          }
        />
      )}
      {deployment && (
        <Pill
          tone={toneOf(deployment.status)}
          label={deploymentLabel(deployment.environment, deployment.status)}
          title={`Newest deployment: ${deployment.environment}, ${deployment.status}`}
        />
      )}
    </div>
  );
}

const DEPLOYMENT_WORDS: Record<string, string> = {
  queued: "deploy queued",
  running: "deploying",
  succeeded: "deployed",
  failed: "deploy failed",
  cancelled: "deploy cancelled",
  "rolled-back": "rolled back",
};

/** "on test: deployed", "on live: deploy failed". */
export function deploymentLabel(environment: string, status: string): string {
  return `${environment}: ${DEPLOYMENT_WORDS[status] ?? status}`;
}
