import { WebLink } from "../ui/web-link";
import { isWebUrl } from "@/domain/web-url";
import type { ItemFacts } from "../../domain/delivery/item-facts";
import { goodToMerge, reviewVerdicts } from "../../domain/delivery/item-facts";
import { formatDuration } from "../../domain/time/relative";
import { RelativeTime } from "../ui/relative-time";
import { Pill, toneOf } from "./badges";

/** Pull requests, builds and releases linked to the card. */
export function LinkedWork({ facts, requiredApprovals }: { facts: ItemFacts; requiredApprovals: number }) {
  const empty =
    facts.pullRequests.length === 0 &&
    facts.builds.length === 0 &&
    facts.releases.length === 0 &&
    facts.commits.length === 0;
  return (
    <section>
      <h3 className="mb-2 text-[13px] font-semibold">Linked work</h3>
      {empty && (
        <p className="muted text-[13px]">
          Nothing linked yet. Mention the card&apos;s key in a branch, PR title or commit message to link it.
        </p>
      )}
      <ul className="space-y-1.5 text-[13px]">
        {facts.pullRequests.map((pr) => {
          const verdicts = reviewVerdicts(pr.reviews);
          return (
            <li key={`pr-${pr.number}`} className="flex flex-wrap items-center gap-2">
              <Pill tone={toneOf(pr.state)} label={pr.state} title={`PR state: ${pr.state}`} />
              <WebLink href={pr.url}>
                #{pr.number} {pr.title}
              </WebLink>
              <span className="muted">
                {verdicts.approvals} approval{verdicts.approvals === 1 ? "" : "s"}
                {verdicts.changesRequested ? ", changes requested" : ""} · checks {pr.checks}
                {pr.mergeable === false ? " · has conflicts" : ""}
              </span>
              {goodToMerge(pr, requiredApprovals) && (
                <Pill tone="green" label="good to merge" title="Mergeable, approved and green" />
              )}
            </li>
          );
        })}
        {facts.commits.map((commit) => (
          <li key={`commit-${commit.sha}`} className="flex items-center gap-2">
            <span className="font-mono text-xs">{commit.sha.slice(0, 7)}</span>
            <span className="min-w-0 flex-1 truncate" title={commit.message}>
              {commit.message.split("\n")[0]}
            </span>
            <span className="muted text-xs">
              {commit.author ?? ""}
              {commit.branch ? ` on ${commit.branch}` : ""}
            </span>
          </li>
        ))}
        {facts.builds.map((build) => (
          <li key={`build-${build.buildId}`} className="flex flex-wrap items-center gap-2">
            <Pill tone={toneOf(build.status)} label={build.status} title={`Build ${build.status}`} />
            <span>Build {build.buildId}</span>
            <span className="font-mono text-xs">{build.commitSha.slice(0, 7)}</span>
            {build.testsPassed !== null && (
              <span className="muted">
                {build.testsPassed} passed{build.testsFailed ? `, ${build.testsFailed} failed` : ""}
              </span>
            )}
            {build.startedAt && build.finishedAt && (
              <span className="muted">{formatDuration(build.finishedAt.getTime() - build.startedAt.getTime())}</span>
            )}
            {isWebUrl(build.url) && <WebLink href={build.url}>build log</WebLink>}
            <span className="muted ml-auto">
              <RelativeTime date={build.at} />
            </span>
            {build.failingTests.length > 0 && (
              <ul
                aria-label={`Failing tests of build ${build.buildId}`}
                className="w-full list-disc pl-6 text-xs text-red-700 dark:text-red-400"
              >
                {build.failingTests.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {facts.releases.map((release) => (
          <li key={`release-${release.version}`} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">Release {release.version}</span>
            {release.deployments.map((d, i) => (
              <Pill
                key={i}
                tone={d.regression?.failed ? "red" : toneOf(d.status)}
                label={`${d.environment}${d.slot ? ` (${d.slot})` : ""} ${d.status}${d.regression ? ` · ${d.regression.passed}/${d.regression.passed + d.regression.failed} regression` : ""}`}
                title={`Deployed to ${d.environment} ${d.at.toLocaleString()}`}
              />
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
