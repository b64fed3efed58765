import { checksOfBuild, failureReason, isBuildFailure, isMainBranch, type BuildStatus } from "../../domain/delivery/builds";
import { DomainError } from "../../domain/errors";
import { isStageKey, stageIndex } from "../../domain/funnel/stages";
import { findReleaseByVersion, itemsForCommit, replaceArtifacts, unreleasedMergedItems, upsertBuild } from "../../db/repositories/builds";
import { insertRelease } from "../../db/repositories/delivery";
import { setChecksForSha } from "../../db/repositories/github";
import { findItem } from "../../db/repositories/items";
import { changeProject, type Actor, type App } from "../app";
import { postGateStatuses } from "../integrations/github/status";
import { requireProject } from "./lookups";
import { moveItem } from "./move-item";
import { updateItem } from "./update-item";

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
    const payload = { buildId: input.buildId, status: input.status, branch: input.branch, commitSha: input.commitSha, tests: input.tests ?? null, url: input.url ?? null };
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
          throw new DomainError("VALIDATION", `Release ${version} already exists: give this build's artifacts a new version.`, { field: "artifacts" });
        }
      } else {
        const released = await unreleasedMergedItems(store, project.id, input.branch.replace(/^refs\/heads\//, ""));
        const releaseId = await insertRelease(store, { projectId: project.id, version, buildId: id, commitSha: input.commitSha, createdAt: now }, released);
        await record({ itemId: null, type: "release.created", actor: actor.id, payload: { version, buildId: input.buildId, items: released } });
        for (const itemId of released) await record({ itemId, type: "item.linked", actor: actor.id, payload: { release: version } });
        release = { id: releaseId, version, items: released };
      }
    }
    return { build: { id, buildId: input.buildId, status: input.status, created: previousStatus === null }, items, release, checkedPullRequests };
  });
  if (input.status === "failed") await sendBack(app, actor, result.items, failureReason(input.buildId, input.tests?.failed));
  if (input.status === "passed") await clearBuildFlags(app, actor, result.items);
  await postGateStatuses(app, project.id, result.checkedPullRequests);
  const { checkedPullRequests, ...shown } = result;
  void checkedPullRequests;
  return shown;
}

/** A green build lifts the flag an earlier red build put on the cards it carries. */
async function clearBuildFlags(app: App, actor: Actor, itemIds: number[]): Promise<void> {
  for (const itemId of itemIds) {
    const item = await findItem(app.database, itemId);
    if (item?.blocked && item.blockedReason && isBuildFailure(item.blockedReason)) {
      await updateItem(app, actor, { id: itemId, blocked: false });
    }
  }
}

/** A red build rejects the code: cards past Code go back to it; cards in Code are flagged. */
async function sendBack(app: App, actor: Actor, itemIds: number[], reason: string): Promise<void> {
  for (const itemId of itemIds) {
    const item = await findItem(app.database, itemId);
    if (!item || !isStageKey(item.stage)) continue;
    if (stageIndex(item.stage) > stageIndex("code") && item.stage !== "live") {
      await moveItem(app, actor, { id: itemId, toStage: "code", reason });
    }
    const moved = await findItem(app.database, itemId);
    if (moved && moved.stage === "code" && moved.blockedReason !== reason) await updateItem(app, actor, { id: itemId, blocked: true, blockedReason: reason });
  }
}
