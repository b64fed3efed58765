import type { Database } from "../../db/client";
import { listEnvironments, updateEnvironment } from "../../db/repositories/environments";
import { listProjects } from "../../db/repositories/projects";
import { createApp } from "../compose";
import { config } from "../config";
import { rejectItem } from "../services/archive-item";
import { createProject } from "../services/create-project";
import { changeProject } from "../unit-of-work";
import { demoEnvironments as demoSteps, publishSeededSites, seedDemoAlerts } from "./demo-environments";
import { DemoTimeline, HOUR, product } from "./demo-timeline";
import { seedDemoUsers } from "./demo-users";

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
  const slug = options.slug ?? "demo";
  const t = new DemoTimeline((now) => createApp(database, now), end, { id: 0, slug });
  const project = await createProject(t.app, product, {
    name: "Shiplane demo",
    slug,
    keyPrefix: "SL",
    repo: "acme/storefront",
  });
  t.useProject(project.id);
  await seedDemoUsers(t.app, slug);
  t.useEnvironments(await demoEnvironments(t, project.id));
  // Batches of work overlap in time, as they do in a team; each card's own history runs forward.
  for (const batch of [seedAgeingIdea, seedLive, seedTesting, seedBuilding, seedCoding, seedPlanned, seedIdeas])
    await batch(t);
  await seedDemoAlerts(t.app, slug, end);
  if (options.publishSites !== false) await publishSeededSites(t.app, project.id);
  await t.app.notifier.close();
  return project;
}

/** Test is in place, live is blue-green, both with the demo's real deploy, switch and regression scripts. */
async function demoEnvironments(t: DemoTimeline, projectId: number) {
  return changeProject(t.app, projectId, async (store, record) => {
    const [test, live] = await listEnvironments(store, projectId);
    await updateEnvironment(store, test.id, { config: demoSteps().test });
    await updateEnvironment(store, live.id, {
      strategy: "blue-green",
      activeSlot: "blue",
      config: demoSteps().live,
    });
    await record({
      itemId: null,
      type: "settings.changed",
      actor: product.id,
      payload: { environment: "live", strategy: "blue-green", changed: "environment" },
    });
    return { test: test.id, live: live.id };
  });
}

/** An idea that has waited a month: the board shows it ageing. */
async function seedAgeingIdea(t: DemoTimeline) {
  await t.idea({ title: "Dark mode for the shop", description: "Follow the visitor's system theme.", labels: ["ux"] });
}

/** Live: shipped three weeks ago. */
async function seedLive(t: DemoTimeline) {
  t.startAt(28);
  const live = [
    await t.idea({
      title: "One-page checkout",
      description: "Collapse the three checkout steps into one page; measure drop-off.",
      labels: ["checkout"],
    }),
    await t.idea({
      title: "Remember the last delivery address",
      description: "Prefill the address form for returning customers.",
      labels: ["checkout", "ux"],
    }),
    await t.idea({
      title: "Order confirmation email in Spanish",
      description: "Use the customer's locale for the confirmation email.",
      labels: ["i18n"],
    }),
  ];
  const liveOwners = ["ana", "ben", "chen"];
  for (const [i, card] of live.entries()) {
    const story = await t.toStory(card, liveOwners[i]);
    await t.toCode(story);
    await t.pullRequest(story, { merged: true, approvals: ["dev-lead"], checks: "passed" });
    await t.move(card, "build");
  }
  await t.release("1.2.0", live, [
    { env: "test", status: "succeeded", regression: { passed: 48, failed: 0 } },
    { env: "live", status: "succeeded", regression: { passed: 48, failed: 0 } },
  ]);
  for (const card of live) {
    await t.move(card, "test");
    t.later(HOUR);
    await t.move(card, "live", product);
  }
}

/** Test: in release 1.3.0, deployed and verified on test; one waits for manual QA. */
async function seedTesting(t: DemoTimeline) {
  t.startAt(9);
  const testing = [
    await t.idea({
      title: "Gift cards at checkout",
      description: "Accept gift card codes as a payment method.",
      labels: ["checkout", "payments"],
      needsManualQa: true,
    }),
    await t.idea({
      title: "Faster product search",
      description: "Serve search from the new index; p95 under 200 ms.",
      labels: ["search", "performance"],
    }),
  ];
  for (const [i, card] of testing.entries()) {
    const story = await t.toStory(card, ["dana", "ana"][i]);
    await t.toCode(story);
    await t.pullRequest(story, { merged: true, approvals: ["dev-lead", "ben"], checks: "passed" });
    await t.move(card, "build");
  }
  t.startAt(2);
  await t.release("1.3.0", testing, [{ env: "test", status: "succeeded", regression: { passed: 51, failed: 0 } }]);
  for (const card of testing) await t.move(card, "test");
}

/** Build: merged and green, waiting for the next release. */
async function seedBuilding(t: DemoTimeline) {
  t.startAt(4);
  const building = [
    await t.idea({
      title: "Wishlist sharing",
      description: "Share a wishlist by link; read-only for visitors.",
      labels: ["social"],
    }),
    await t.idea({
      title: "Price alerts",
      description: "Email me when an item on my wishlist drops in price.",
      labels: ["growth"],
    }),
  ];
  for (const [i, card] of building.entries()) {
    const story = await t.toStory(card, ["ben", "chen"][i]);
    await t.toCode(story);
    await t.pullRequest(story, { merged: true, approvals: ["dev-lead"], checks: "passed" });
    await t.move(card, "build");
  }
}

/** Code: work in progress, one in review with a red build, one with changes requested, one not started. */
async function seedCoding(t: DemoTimeline) {
  t.startAt(3.5);
  const coding = [
    await t.idea({ title: "Apple Pay", description: "Offer Apple Pay on Safari and iOS.", labels: ["payments"] }),
    await t.idea({
      title: "Product reviews with photos",
      description: "Let buyers attach up to three photos to a review.",
      labels: ["social"],
    }),
    await t.idea({
      title: "Saved carts across devices",
      description: "A signed-in customer's cart follows them.",
      labels: ["checkout"],
    }),
  ];
  for (const [i, card] of coding.entries()) {
    const story = await t.toStory(card, ["dana", "ben", "ana"][i]);
    await t.toCode(story);
  }
  await t.pullRequest(coding[0], { merged: false, approvals: ["dev-lead"], checks: "failed" });
  await t.pullRequest(coding[1], { merged: false, approvals: [], changesRequested: "dev-lead", checks: "passed" });
}

/** Story: planned, one still without an owner. */
async function seedPlanned(t: DemoTimeline) {
  t.startAt(2);
  const planned = [
    await t.idea({
      title: "Loyalty points",
      description: "1 point per euro, redeemable at checkout.",
      labels: ["growth"],
    }),
    await t.idea({
      title: "Click and collect",
      description: "Pick up an order at a partner shop.",
      labels: ["delivery"],
    }),
  ];
  await t.toStory(planned[0], "chen");
  await t.toStory(planned[1]);
}

/** Ideas: fresh, with and without a description; one rejected. */
async function seedIdeas(t: DemoTimeline) {
  t.startAt(1.5);
  await t.idea({ title: "Voice search", description: "", labels: ["search"] });
  await t.idea({
    title: "Same-day delivery in Berlin",
    description: "Partner with a courier for orders before noon.",
    labels: ["delivery"],
  });
  const rejected = await t.idea({
    title: "Sell on a blockchain marketplace",
    description: "Someone saw it at a conference.",
    labels: [],
  });
  await rejectItem(t.app, product, { id: rejected.id, reason: "No customer asked for it; not our market." });
}

/** Seeds the demo project on first start: only into an empty database, unless SHIPLANE_SEED=none. */
export async function seedDemoIfEmpty(database: Database): Promise<boolean> {
  if (config().seed === "none") return false;
  if ((await listProjects(database)).length > 0) return false;
  await seedDemo(database);
  return true;
}
