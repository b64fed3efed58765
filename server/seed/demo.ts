import { seedDemoUsers } from "./demo-users";
import type { Database } from "../../db/client";
import {
  insertBuild,
  insertArtifact,
  insertDeployment,
  insertPullRequest,
  insertRelease,
  insertReview,
  insertTestRun,
  markPullRequestMerged,
} from "../../db/repositories/delivery";
import { linkItemToPullRequest } from "../../db/repositories/github";
import { listEnvironments, updateEnvironment } from "../../db/repositories/environments";
import { listProjects } from "../../db/repositories/projects";
import type { BoardCard } from "../../domain/funnel/card";
import { changeProject } from "../unit-of-work";
import { createApp } from "../compose";
import type { Actor } from "../../domain/access/actor";
import type { App } from "../app";
import { createItem } from "../services/create-item";
import { createProject } from "../services/create-project";
import { moveItem } from "../services/move-item";
import { rejectItem } from "../services/archive-item";
import { updateItem } from "../services/update-item";
import { DEMO_ENVIRONMENTS, publishSeededSites, seedDemoAlerts } from "./demo-environments";
import { config } from "../config";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const product: Actor = { id: "user:maya", role: "admin" };
const engineer: Actor = { id: "user:ana", role: "admin" };
const github: Actor = { id: "integration:github", role: "member" };
const ci: Actor = { id: "integration:ci", role: "member" };

interface Story {
  title: string;
  description: string;
  owner?: string;
  labels?: string[];
  needsManualQa?: boolean;
}

/**
 * The demo project: a month of a small team's work, with cards in every column and the
 * pull requests, reviews, builds, releases, deployments and regression runs behind them —
 * written through the same services and event log as real work, so every badge and gate
 * shows real data.
 */
export async function seedDemo(
  database: Database,
  options: { now?: Date; slug?: string; publishSites?: boolean } = {},
) {
  const end = options.now ?? new Date();
  let clock = end.getTime() - 30 * DAY;
  const app: App = createApp(database, () => new Date(clock));
  const later = (ms: number) => {
    clock = Math.min(clock + ms, end.getTime() - 60_000);
  };
  // Batches of work overlap in time, as they do in a team; each card's own history runs forward.
  const startAt = (daysAgo: number) => {
    clock = end.getTime() - daysAgo * DAY;
  };
  const slug = options.slug ?? "demo";
  const project = await createProject(app, product, {
    name: "Shiplane demo",
    slug,
    keyPrefix: "SL",
    repo: "acme/storefront",
  });
  await seedDemoUsers(app, slug);

  const envs = await changeProject(app, project.id, async (store, record) => {
    const [test, live] = await listEnvironments(store, project.id);
    await updateEnvironment(store, test.id, { config: DEMO_ENVIRONMENTS.test });
    await updateEnvironment(store, live.id, {
      strategy: "blue-green",
      activeSlot: "blue",
      config: DEMO_ENVIRONMENTS.live,
    });
    await record({
      itemId: null,
      type: "settings.changed",
      actor: product.id,
      payload: { environment: "live", strategy: "blue-green", changed: "environment" },
    });
    return { test: test.id, live: live.id };
  });

  const idea = async (story: Story) => {
    const card = await createItem(app, product, {
      project: slug,
      title: story.title,
      description: story.description,
      labels: story.labels,
      needsManualQa: story.needsManualQa,
    });
    later(3 * HOUR);
    return card;
  };
  const toStory = async (card: BoardCard, owner?: string) => {
    let current = await moveItem(app, product, { id: card.id, toStage: "story" });
    later(DAY / 2);
    if (owner) current = await updateItem(app, engineer, { id: card.id, owner });
    return current;
  };
  const toCode = async (card: BoardCard) => {
    const moved = await moveItem(app, engineer, { id: card.id, toStage: "code" });
    later(4 * HOUR);
    return moved;
  };

  let prNumber = 100;
  let buildNumber = 500;
  const pullRequest = async (
    card: BoardCard,
    options: {
      merged: boolean;
      approvals: string[];
      changesRequested?: string;
      checks: "pending" | "passed" | "failed";
    },
  ) => {
    const number = ++prNumber;
    const sha = (n: number) => `${n.toString(16).padStart(7, "0")}e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192`;
    await changeProject(app, project.id, async (store, record) => {
      const now = new Date(clock);
      const prId = await insertPullRequest(store, {
        projectId: project.id,
        number,
        title: `${card.key} ${card.title}`,
        branch: `feature/${card.key.toLowerCase()}`,
        state: "open",
        author: card.owner,
        url: `https://github.com/acme/storefront/pull/${number}`,
        headSha: sha(number),
        checksState: options.checks,
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
      for (const reviewer of options.approvals) {
        await insertReview(store, {
          pullRequestId: prId,
          reviewer,
          state: "approved",
          submittedAt: new Date(clock + HOUR),
        });
        await record({
          itemId: card.id,
          type: "pr.reviewed",
          actor: github.id,
          payload: { number, reviewer, state: "approved" },
        });
      }
      if (options.changesRequested) {
        await insertReview(store, {
          pullRequestId: prId,
          reviewer: options.changesRequested,
          state: "changes_requested",
          submittedAt: new Date(clock + HOUR),
        });
        await record({
          itemId: card.id,
          type: "pr.reviewed",
          actor: github.id,
          payload: { number, reviewer: options.changesRequested, state: "changes_requested" },
        });
      }
      await insertBuild(store, {
        projectId: project.id,
        externalId: String(++buildNumber),
        commitSha: sha(number),
        branch: `feature/${card.key.toLowerCase()}`,
        status: options.checks === "pending" ? "running" : options.checks,
        url: `https://ci.example.com/build/${buildNumber}`,
        testsPassed: options.checks === "pending" ? null : 212,
        testsFailed: options.checks === "failed" ? 3 : options.checks === "pending" ? null : 0,
        testsSkipped: options.checks === "pending" ? null : 4,
        startedAt: now,
        finishedAt: options.checks === "pending" ? null : new Date(clock + 9 * 60_000),
        createdAt: now,
      });
      await record({
        itemId: card.id,
        type: "build.reported",
        actor: ci.id,
        payload: { buildId: String(buildNumber), status: options.checks === "pending" ? "running" : options.checks },
      });
      if (options.merged) {
        const mergedAt = new Date(clock + 2 * HOUR);
        await markPullRequestMerged(store, prId, sha(number + 5000), mergedAt);
        await record({ itemId: card.id, type: "pr.merged", actor: github.id, payload: { number } });
        await insertBuild(store, {
          projectId: project.id,
          externalId: String(++buildNumber),
          commitSha: sha(number + 5000),
          branch: "main",
          status: "passed",
          url: `https://ci.example.com/build/${buildNumber}`,
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
          payload: { buildId: String(buildNumber), status: "passed", branch: "main" },
        });
      }
    });
    later(3 * HOUR);
  };

  const release = async (
    version: string,
    cards: BoardCard[],
    deploys: {
      env: "test" | "live";
      status: "succeeded" | "failed";
      regression?: { passed: number; failed: number };
    }[],
  ) => {
    const commitSha = `${version.replace(/\./g, "")}f00d${"0".repeat(33)}`.slice(0, 40);
    await changeProject(app, project.id, async (store, record) => {
      const buildId = await insertBuild(store, {
        projectId: project.id,
        externalId: String(++buildNumber),
        commitSha,
        branch: "main",
        status: "passed",
        url: `https://ci.example.com/build/${buildNumber}`,
        testsPassed: 220,
        testsFailed: 0,
        testsSkipped: 4,
        startedAt: new Date(clock),
        finishedAt: new Date(clock + 10 * 60_000),
        createdAt: new Date(clock),
      });
      await insertArtifact(store, {
        projectId: project.id,
        buildId,
        name: "storefront-web",
        version,
        url: `https://packages.example.com/storefront-web/${version}`,
      });
      const releaseId = await insertRelease(
        store,
        { projectId: project.id, version, buildId, commitSha, createdAt: new Date(clock) },
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
      for (const deploy of deploys) {
        clock += HOUR;
        const deploymentId = await insertDeployment(store, {
          projectId: project.id,
          releaseId,
          environmentId: envs[deploy.env],
          slot: deploy.env === "live" ? "blue" : null,
          status: deploy.status,
          verifyStatus: deploy.regression ? (deploy.regression.failed ? "failed" : "passed") : null,
          phase: deploy.regression ? "verify" : "deploy",
          purpose: deploy.env === "live" ? "promote" : "deploy",
          switchStatus: deploy.env === "live" && deploy.status === "succeeded" ? "passed" : null,
          triggeredBy: deploy.env === "test" ? "scheduler" : product.id,
          log: `Deploying storefront-web ${version} to ${deploy.env}\n${deploy.status === "succeeded" ? "Done." : "Health check failed."}\n`,
          queuedAt: new Date(clock),
          startedAt: new Date(clock + 30_000),
          finishedAt: new Date(clock + 4 * 60_000),
        });
        await record({
          itemId: null,
          type: `deployment.${deploy.status}`,
          actor: deploy.env === "test" ? "scheduler" : product.id,
          payload: { version, environment: deploy.env, deploymentId },
        });
        if (deploy.regression) {
          await insertTestRun(store, {
            projectId: project.id,
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
    });
    later(2 * HOUR);
  };

  // An idea that has waited a month: the board shows it ageing.
  await idea({ title: "Dark mode for the shop", description: "Follow the visitor's system theme.", labels: ["ux"] });

  // Live: shipped three weeks ago.
  startAt(28);
  const live = [
    await idea({
      title: "One-page checkout",
      description: "Collapse the three checkout steps into one page; measure drop-off.",
      labels: ["checkout"],
    }),
    await idea({
      title: "Remember the last delivery address",
      description: "Prefill the address form for returning customers.",
      labels: ["checkout", "ux"],
    }),
    await idea({
      title: "Order confirmation email in Spanish",
      description: "Use the customer's locale for the confirmation email.",
      labels: ["i18n"],
    }),
  ];
  const liveOwners = ["ana", "ben", "chen"];
  for (const [i, card] of live.entries()) {
    const story = await toStory(card, liveOwners[i]);
    await toCode(story);
    await pullRequest(story, { merged: true, approvals: ["dev-lead"], checks: "passed" });
    await moveItem(app, engineer, { id: card.id, toStage: "build" });
  }
  await release("1.2.0", live, [
    { env: "test", status: "succeeded", regression: { passed: 48, failed: 0 } },
    { env: "live", status: "succeeded" },
  ]);
  for (const card of live) {
    await moveItem(app, engineer, { id: card.id, toStage: "test" });
    later(HOUR);
    await moveItem(app, product, { id: card.id, toStage: "live" });
  }

  // Test: in release 1.3.0, deployed and verified on test; one waits for manual QA.
  startAt(9);
  const testing = [
    await idea({
      title: "Gift cards at checkout",
      description: "Accept gift card codes as a payment method.",
      labels: ["checkout", "payments"],
      needsManualQa: true,
    }),
    await idea({
      title: "Faster product search",
      description: "Serve search from the new index; p95 under 200 ms.",
      labels: ["search", "performance"],
    }),
  ];
  for (const [i, card] of testing.entries()) {
    const story = await toStory(card, ["dana", "ana"][i]);
    await toCode(story);
    await pullRequest(story, { merged: true, approvals: ["dev-lead", "ben"], checks: "passed" });
    await moveItem(app, engineer, { id: card.id, toStage: "build" });
  }
  startAt(2);
  await release("1.3.0", testing, [{ env: "test", status: "succeeded", regression: { passed: 51, failed: 0 } }]);
  for (const card of testing) await moveItem(app, engineer, { id: card.id, toStage: "test" });

  // Build: merged and green, waiting for the next release.
  startAt(4);
  const building = [
    await idea({
      title: "Wishlist sharing",
      description: "Share a wishlist by link; read-only for visitors.",
      labels: ["social"],
    }),
    await idea({
      title: "Price alerts",
      description: "Email me when an item on my wishlist drops in price.",
      labels: ["growth"],
    }),
  ];
  for (const [i, card] of building.entries()) {
    const story = await toStory(card, ["ben", "chen"][i]);
    await toCode(story);
    await pullRequest(story, { merged: true, approvals: ["dev-lead"], checks: "passed" });
    await moveItem(app, engineer, { id: card.id, toStage: "build" });
  }

  // Code: work in progress, one in review with a red build, one with changes requested, one not started.
  startAt(3.5);
  const coding = [
    await idea({ title: "Apple Pay", description: "Offer Apple Pay on Safari and iOS.", labels: ["payments"] }),
    await idea({
      title: "Product reviews with photos",
      description: "Let buyers attach up to three photos to a review.",
      labels: ["social"],
    }),
    await idea({
      title: "Saved carts across devices",
      description: "A signed-in customer's cart follows them.",
      labels: ["checkout"],
    }),
  ];
  for (const [i, card] of coding.entries()) {
    const story = await toStory(card, ["dana", "ben", "ana"][i]);
    await toCode(story);
  }
  await pullRequest(coding[0], { merged: false, approvals: ["dev-lead"], checks: "failed" });
  await pullRequest(coding[1], { merged: false, approvals: [], changesRequested: "dev-lead", checks: "passed" });

  // Story: planned, one still without an owner.
  startAt(2);
  const planned = [
    await idea({
      title: "Loyalty points",
      description: "1 point per euro, redeemable at checkout.",
      labels: ["growth"],
    }),
    await idea({
      title: "Click and collect",
      description: "Pick up an order at a partner shop.",
      labels: ["delivery"],
    }),
  ];
  await toStory(planned[0], "chen");
  await toStory(planned[1]);

  // Ideas: fresh, with and without a description; one rejected.
  startAt(1.5);
  await idea({ title: "Voice search", description: "", labels: ["search"] });
  await idea({
    title: "Same-day delivery in Berlin",
    description: "Partner with a courier for orders before noon.",
    labels: ["delivery"],
  });
  const rejected = await idea({
    title: "Sell on a blockchain marketplace",
    description: "Someone saw it at a conference.",
    labels: [],
  });
  await rejectItem(app, product, { id: rejected.id, reason: "No customer asked for it; not our market." });

  await seedDemoAlerts(app, slug, end);
  if (options.publishSites !== false) await publishSeededSites(app, project.id);
  await app.notifier.close();
  return project;
}

/** Seeds the demo project on first start: only into an empty database, unless SHIPLANE_SEED=none. */
export async function seedDemoIfEmpty(database: Database): Promise<boolean> {
  if (config().seed === "none") return false;
  if ((await listProjects(database)).length > 0) return false;
  await seedDemo(database);
  return true;
}
