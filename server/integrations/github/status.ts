import { findGithubAccess, pullRequestsForStatus, setGatesStatus } from "../../../db/repositories/github";
import { findProjectById } from "../../../db/repositories/projects";
import { gateStatus, type GateStatus } from "../../../domain/delivery/item-facts";
import type { App } from "../../app";
import { config } from "../../config";

export const STATUS_CONTEXT = "shiplane/gates";

function apiBase(): string {
  return config().githubApiUrl;
}

async function postStatus(
  repo: string,
  sha: string,
  token: string,
  status: GateStatus,
  targetUrl: string | null,
): Promise<boolean> {
  try {
    const response = await fetch(`${apiBase()}/repos/${repo}/statuses/${sha}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/vnd.github+json",
        "x-github-api-version": "2022-11-28",
        "content-type": "application/json",
        "user-agent": "shiplane",
      },
      body: JSON.stringify({
        state: status.state,
        description: status.description,
        context: STATUS_CONTEXT,
        ...(targetUrl ? { target_url: targetUrl } : {}),
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok)
      console.warn(
        `GitHub refused the ${STATUS_CONTEXT} status for ${repo}@${sha.slice(0, 7)}: HTTP ${response.status}. Check the project's GitHub token (it needs repo:status).`,
      );
    return response.ok;
  } catch (error) {
    console.warn(
      `Could not post the ${STATUS_CONTEXT} status for ${repo}@${sha.slice(0, 7)}: ${(error as Error).message}`,
    );
    return false;
  }
}

/**
 * Where the project has a GitHub token, tells GitHub each open PR's gate state as the commit
 * status `shiplane/gates` on its head — only when it changed since the last one posted.
 */
export async function postGateStatuses(app: App, projectId: number, pullRequestIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(pullRequestIds)];
  if (ids.length === 0) return;
  const access = await findGithubAccess(app.database, projectId);
  if (!access?.token || !access.repo) return;
  const project = await findProjectById(app.database, projectId);
  for (const pr of await pullRequestsForStatus(app.database, ids)) {
    const status = gateStatus(pr, project?.requiredApprovals ?? 1);
    if (!status || !pr.headSha) continue;
    const posted = `${pr.headSha}:${status.state}:${status.description}`;
    if (pr.gatesStatus === posted) continue;
    if (await postStatus(access.repo, pr.headSha, access.token, status, pr.url))
      await setGatesStatus(app.database, pr.id, posted);
  }
}
