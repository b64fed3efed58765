import {
  checksOfBuild,
  failureReason,
  isBuildFailure,
  isMainBranch,
  type BuildStatus,
} from "../../domain/delivery/builds";
import { DomainError } from "../../domain/errors";
import {
  findReleaseByVersion,
  itemsForCommit,
  replaceArtifacts,
  unreleasedMergedItems,
  upsertBuild,
} from "../../db/repositories/builds";
import { insertRelease } from "../../db/repositories/delivery";
import { setChecksForSha } from "../../db/repositories/github";
import { changeProject } from "../unit-of-work";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { postGateStatuses } from "../integrations/github/status";
import { requireProject } from "./lookups";
import { clearFlags, sendBackToCode } from "./card-effects";

export interface BuildInput {
  project: string;
  buildId: string;
  commitSha: string;
  branch: string;
  status: BuildStatus;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  url?: string | null;
  tests?: { passed: number; failed: number; skipped: number } | null;
  artifacts?: { name: string; version: string; url?: string | null }[];
}

export interface BuildResult {
  build: { id: number; buildId: string; status: BuildStatus; created: boolean };
  items: number[];
  release: { id: number; version: string; items: number[] } | null;
}

/**
 * A CI server reports a build (again, as it progresses). The build is stored with its tests
 * and artifacts; the PRs whose head it built get its checks; a failed build sends the cards it
 * carries back to Code with the cause; a green main build with artifacts makes a release of
 * what reached main since the previous one.
 */
export async function reportBuild(app: App, actor: Actor, input: BuildInput): Promise<BuildResult> {
  const project = await requireProject(app.database, input.project);
  const artifacts = (input.artifacts ?? []).map((a) => ({ name: a.name, version: a.version, url: a.url ?? null }));
  const result = await changeProject(app, project.id, async (store, record) => {
    const now = app.now();
    const { id, previousStatus } = await upsertBuild(
      store,
      {
        projectId: project.id,
        externalId: input.buildId,
        commitSha: input.commitSha,
        branch: input.branch,
        status: input.status,
        url: input.url ?? null,
        testsPassed: input.tests?.passed ?? null,
        testsFailed: input.tests?.failed ?? null,
        testsSkipped: input.tests?.skipped ?? null,
        startedAt: input.startedAt ?? null,
        finishedAt: input.finishedAt ?? null,
      },
      now,
    );
    if (input.artifacts) await replaceArtifacts(store, project.id, id, artifacts);
    const checkedPullRequests = await setChecksForSha(store, project.id, input.commitSha, checksOfBuild(input.status));
    const items = await itemsForCommit(store, project.id, input.commitSha);
    const payload = {
      buildId: input.buildId,
      status: input.status,
      branch: input.branch,
      commitSha: input.commitSha,
      tests: input.tests ?? null,
      url: input.url ?? null,
    };
    if (previousStatus !== input.status) {
      if (items.length === 0) await record({ itemId: null, type: "build.reported", actor: actor.id, payload });
      for (const itemId of items) await record({ itemId, type: "build.reported", actor: actor.id, payload });
    }
    let release: BuildResult["release"] = null;
    if (input.status === "passed" && isMainBranch(input.branch) && artifacts.length > 0) {
      const version = artifacts[0].version;
      const existing = await findReleaseByVersion(store, project.id, version);
      if (existing) {
        if (previousStatus === null) {
          throw new DomainError(
            "VALIDATION",
            `Release ${version} already exists: give this build's artifacts a new version.`,
            { field: "artifacts" },
          );
        }
      } else {
        const released = await unreleasedMergedItems(store, project.id, input.branch.replace(/^refs\/heads\//, ""));
        const releaseId = await insertRelease(
          store,
          { projectId: project.id, version, buildId: id, commitSha: input.commitSha, createdAt: now },
          released,
        );
        await record({
          itemId: null,
          type: "release.created",
          actor: actor.id,
          payload: { version, buildId: input.buildId, items: released },
        });
        for (const itemId of released)
          await record({ itemId, type: "item.linked", actor: actor.id, payload: { release: version } });
        release = { id: releaseId, version, items: released };
      }
    }
    return {
      build: { id, buildId: input.buildId, status: input.status, created: previousStatus === null },
      items,
      release,
      checkedPullRequests,
    };
  });
  // A red build rejects the code; a green one lifts the flag an earlier red build left.
  if (input.status === "failed")
    await sendBackToCode(app, actor, result.items, failureReason(input.buildId, input.tests?.failed));
  if (input.status === "passed") await clearFlags(app, actor, result.items, isBuildFailure);
  await postGateStatuses(app, project.id, result.checkedPullRequests);
  const { checkedPullRequests, ...shown } = result;
  void checkedPullRequests;
  return shown;
}
