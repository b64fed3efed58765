import type { Store } from "../../db/client";
import {
  insertArtifact,
  insertBuild,
  insertDeployment,
  insertPullRequest,
  insertRelease,
  insertReview,
  insertTestRun,
  markPullRequestMerged,
} from "../../db/repositories/delivery";
import { linkItemToPullRequest } from "../../db/repositories/github";
import type { Actor } from "../../domain/access/actor";
import type { BoardCard } from "../../domain/funnel/card";
import type { App } from "../app";
import { createItem } from "../services/create-item";
import { moveItem } from "../services/move-item";
import { updateItem } from "../services/update-item";
import { changeProject, type RecordEvent } from "../unit-of-work";

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const product: Actor = { id: "user:maya", role: "admin" };
export const engineer: Actor = { id: "user:ana", role: "admin" };
const github: Actor = { id: "integration:github", role: "member" };
const ci: Actor = { id: "integration:ci", role: "member" };

export interface Story {
  title: string;
  description: string;
  labels?: string[];
  needsManualQa?: boolean;
}

export interface PullRequestPlan {
  merged: boolean;
  approvals: string[];
  changesRequested?: string;
  checks: "pending" | "passed" | "failed";
}

export interface DeployPlan {
  env: "test" | "live";
  status: "succeeded" | "failed";
  regression?: { passed: number; failed: number };
}

const sha = (n: number) => `${n.toString(16).padStart(7, "0")}e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192`;

/**
 * The demo's history, written as it would have happened: a clock that moves forward (batches of
 * work may start in the past and overlap), and small builders for each kind of fact — cards
 * through the real services, and the pull requests, builds, releases and deployments behind them.
 */
export class DemoTimeline {
  private clock: number;
  private prNumber = 100;
  private buildNumber = 500;
  readonly app: App;

  constructor(
    createApp: (now: () => Date) => App,
    private readonly end: Date,
    private readonly project: { id: number; slug: string },
    private environments: { test: number; live: number } = { test: 0, live: 0 },
  ) {
    this.clock = end.getTime() - 30 * DAY;
    this.app = createApp(() => new Date(this.clock));
  }

  useProject(id: number) {
    this.project.id = id;
  }

  useEnvironments(ids: { test: number; live: number }) {
    this.environments = ids;
  }

  /** Moves the clock on, never past a minute before the end. */
  later(ms: number) {
    this.clock = Math.min(this.clock + ms, this.end.getTime() - 60_000);
  }

  /** Starts a batch of work this long ago. */
  startAt(daysAgo: number) {
    this.clock = this.end.getTime() - daysAgo * DAY;
  }

  async idea(story: Story): Promise<BoardCard> {
    const card = await createItem(this.app, product, { project: this.project.slug, ...story });
    this.later(3 * HOUR);
    return card;
  }

  async toStory(card: BoardCard, owner?: string): Promise<BoardCard> {
    let current = await moveItem(this.app, product, { id: card.id, toStage: "story" });
    this.later(DAY / 2);
    if (owner) current = await updateItem(this.app, engineer, { id: card.id, owner });
    return current;
  }

  async toCode(card: BoardCard): Promise<BoardCard> {
    const moved = await moveItem(this.app, engineer, { id: card.id, toStage: "code" });
    this.later(4 * HOUR);
    return moved;
  }

  async move(card: BoardCard, toStage: string, actor: Actor = engineer): Promise<BoardCard> {
    return moveItem(this.app, actor, { id: card.id, toStage });
  }

  /** A pull request for the card: its reviews, its branch build, and (merged) the build of main. */
  async pullRequest(card: BoardCard, plan: PullRequestPlan): Promise<void> {
    const number = ++this.prNumber;
    await changeProject(this.app, this.project.id, async (store, record) => {
      const now = new Date(this.clock);
      const branch = `feature/${card.key.toLowerCase()}`;
      const prId = await insertPullRequest(store, {
        projectId: this.project.id,
        number,
        title: `${card.key} ${card.title}`,
        branch,
        state: "open",
        author: card.owner,
        url: `https://github.com/acme/storefront/pull/${number}`,
        headSha: sha(number),
        checksState: plan.checks,
        mergeable: true,
        openedAt: now,
        updatedAt: now,
      });
      await linkItemToPullRequest(store, card.id, prId);
      await record({
        itemId: card.id,
        type: "pr.opened",
        actor: github.id,
        payload: { number, title: `${card.key} ${card.title}` },
      });
      await record({ itemId: card.id, type: "item.linked", actor: github.id, payload: { pr: number } });
      for (const reviewer of plan.approvals) await this.review(store, record, card, prId, number, reviewer, "approved");
      if (plan.changesRequested)
        await this.review(store, record, card, prId, number, plan.changesRequested, "changes_requested");
      await this.branchBuild(store, record, card, number, branch, plan.checks, now);
      if (plan.merged) await this.merge(store, record, card, prId, number);
    });
    this.later(3 * HOUR);
  }

  private async review(
    store: Store,
    record: RecordEvent,
    card: BoardCard,
    prId: number,
    number: number,
    reviewer: string,
    state: "approved" | "changes_requested",
  ) {
    await insertReview(store, { pullRequestId: prId, reviewer, state, submittedAt: new Date(this.clock + HOUR) });
    await record({ itemId: card.id, type: "pr.reviewed", actor: github.id, payload: { number, reviewer, state } });
  }

  private async branchBuild(
    store: Store,
    record: RecordEvent,
    card: BoardCard,
    number: number,
    branch: string,
    checks: PullRequestPlan["checks"],
    now: Date,
  ) {
    const pending = checks === "pending";
    await insertBuild(store, {
      projectId: this.project.id,
      externalId: String(++this.buildNumber),
      commitSha: sha(number),
      branch,
      status: pending ? "running" : checks,
      url: `https://ci.example.com/build/${this.buildNumber}`,
      testsPassed: pending ? null : 212,
      testsFailed: checks === "failed" ? 3 : pending ? null : 0,
      testsSkipped: pending ? null : 4,
      startedAt: now,
      finishedAt: pending ? null : new Date(this.clock + 9 * 60_000),
      createdAt: now,
    });
    await record({
      itemId: card.id,
      type: "build.reported",
      actor: ci.id,
      payload: { buildId: String(this.buildNumber), status: pending ? "running" : checks },
    });
  }

  private async merge(store: Store, record: RecordEvent, card: BoardCard, prId: number, number: number) {
    const mergedAt = new Date(this.clock + 2 * HOUR);
    await markPullRequestMerged(store, prId, sha(number + 5000), mergedAt);
    await record({ itemId: card.id, type: "pr.merged", actor: github.id, payload: { number } });
    await insertBuild(store, {
      projectId: this.project.id,
      externalId: String(++this.buildNumber),
      commitSha: sha(number + 5000),
      branch: "main",
      status: "passed",
      url: `https://ci.example.com/build/${this.buildNumber}`,
      testsPassed: 214,
      testsFailed: 0,
      testsSkipped: 4,
      startedAt: mergedAt,
      finishedAt: new Date(mergedAt.getTime() + 11 * 60_000),
      createdAt: mergedAt,
    });
    await record({
      itemId: card.id,
      type: "build.reported",
      actor: ci.id,
      payload: { buildId: String(this.buildNumber), status: "passed", branch: "main" },
    });
  }

  /** A green build of main with its artifact, the release of the cards, and its deployments. */
  async release(version: string, cards: BoardCard[], deploys: DeployPlan[]): Promise<void> {
    const commitSha = `${version.replace(/\./g, "")}f00d${"0".repeat(33)}`.slice(0, 40);
    await changeProject(this.app, this.project.id, async (store, record) => {
      const buildId = await insertBuild(store, {
        projectId: this.project.id,
        externalId: String(++this.buildNumber),
        commitSha,
        branch: "main",
        status: "passed",
        url: `https://ci.example.com/build/${this.buildNumber}`,
        testsPassed: 220,
        testsFailed: 0,
        testsSkipped: 4,
        startedAt: new Date(this.clock),
        finishedAt: new Date(this.clock + 10 * 60_000),
        createdAt: new Date(this.clock),
      });
      await insertArtifact(store, {
        projectId: this.project.id,
        buildId,
        name: "storefront-web",
        version,
        url: `https://packages.example.com/storefront-web/${version}`,
      });
      const releaseId = await insertRelease(
        store,
        { projectId: this.project.id, version, buildId, commitSha, createdAt: new Date(this.clock) },
        cards.map((c) => c.id),
      );
      await record({
        itemId: null,
        type: "release.created",
        actor: ci.id,
        payload: { version, items: cards.map((c) => c.key) },
      });
      for (const card of cards)
        await record({ itemId: card.id, type: "item.linked", actor: ci.id, payload: { release: version } });
      for (const deploy of deploys) await this.deployment(store, record, releaseId, version, deploy);
    });
    this.later(2 * HOUR);
  }

  private async deployment(store: Store, record: RecordEvent, releaseId: number, version: string, deploy: DeployPlan) {
    this.clock += HOUR;
    const by = deploy.env === "test" ? "scheduler" : product.id;
    const deploymentId = await insertDeployment(store, {
      projectId: this.project.id,
      releaseId,
      environmentId: this.environments[deploy.env],
      slot: deploy.env === "live" ? "blue" : null,
      status: deploy.status,
      verifyStatus: deploy.regression ? (deploy.regression.failed ? "failed" : "passed") : null,
      phase: deploy.regression ? "verify" : "deploy",
      purpose: deploy.env === "live" ? "promote" : "deploy",
      switchStatus: deploy.env === "live" && deploy.status === "succeeded" ? "passed" : null,
      triggeredBy: by,
      log: `Deploying storefront-web ${version} to ${deploy.env}\n${deploy.status === "succeeded" ? "Done." : "Health check failed."}\n`,
      queuedAt: new Date(this.clock),
      startedAt: new Date(this.clock + 30_000),
      finishedAt: new Date(this.clock + 4 * 60_000),
    });
    await record({
      itemId: null,
      type: `deployment.${deploy.status}`,
      actor: by,
      payload: { version, environment: deploy.env, deploymentId },
    });
    if (!deploy.regression) return;
    await insertTestRun(store, {
      projectId: this.project.id,
      suite: "regression",
      deploymentId,
      passed: deploy.regression.passed,
      failed: deploy.regression.failed,
      skipped: 0,
      durationMs: 184_000,
    });
    await record({
      itemId: null,
      type: deploy.regression.failed ? "verification.failed" : "verification.passed",
      actor: "scheduler",
      payload: { version, deploymentId, ...deploy.regression },
    });
  }
}
