/**
 * The metrics' speed: a project with a year of history (BENCH_ITEMS cards, default 100,000, and
 * BENCH_EVENTS events, default 1,000,000) on SQLite and on PostgreSQL; each chart's query timed
 * for the last 90 days, and the metrics page in Chromium until every chart is drawn.
 * Prints figures; asserts nothing.
 */
import path from "node:path";
import { chromium } from "playwright-core";
import { openDatabase } from "../db/client";
import { createApp } from "../server/compose";
import { seedHistory } from "../server/seed/history";
import { METRICS } from "../server/services/get-metrics";
import { ms, percentile, signedInPage, startServer, timeIt, type BenchTarget } from "./lib";

const ROOT = process.env.SHIPLANE_ROOT ?? path.resolve(import.meta.dirname, "..");
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DAY = 86_400_000;

export async function benchMetrics(target: BenchTarget, port: number) {
  console.log(
    `\n## ${target.dialect}: metrics over a year of history, ${ITEMS.toLocaleString("en")} cards, ${EVENTS.toLocaleString("en")} events`,
  );
  const database = openDatabase(target.options);
  await database.migrate();
  const started = performance.now();
  const seeded = await seedHistory(database, { items: ITEMS, events: EVENTS, slug: "history" });
  console.log(
    `seeded in ${ms(performance.now() - started)}: ${seeded.intervals.toLocaleString("en")} stage intervals, ${seeded.releases} releases, ${seeded.deployments} deployments`,
  );

  const app = createApp(database);
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 89 * DAY).toISOString().slice(0, 10);
  for (const [name, metric] of Object.entries(METRICS) as [
    string,
    (a: typeof app, input: { project: string; from: string; to: string }) => Promise<unknown>,
  ][]) {
    await metric(app, { project: "history", from, to: today });
    const times = await timeIt(7, () => metric(app, { project: "history", from, to: today }));
    console.log(
      `${`${name} (90 days)`.padEnd(22)} p50 ${ms(percentile(times, 50)).padStart(9)}  p95 ${ms(percentile(times, 95)).padStart(9)}   target: p50 < 300 ms`,
    );
  }
  const year = await timeIt(3, () =>
    METRICS.flow(app, {
      project: "history",
      from: new Date(Date.now() - 364 * DAY).toISOString().slice(0, 10),
      to: today,
    }),
  );
  console.log(`${"flow (a year)".padEnd(22)} p50 ${ms(percentile(year, 50)).padStart(9)}`);
  await app.runner.close();
  await app.notifier.close();
  await database.close();

  const server = await startServer(ROOT, target, port);
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const loads: number[] = [];
    for (let i = 0; i < 4; i++) {
      const page = await signedInPage(browser, server);
      await page.goto(`${server.url}/p/history/metrics?from=${from}&to=${today}`);
      // Every section computed and drawn: no "Computing…" left, and the charts' SVGs present.
      await page.waitForFunction(
        () =>
          !document.body.innerText.includes("Computing…") && document.querySelectorAll(".recharts-surface").length >= 6,
        null,
        { timeout: 60_000 },
      );
      const rendered = await page.evaluate(() => performance.now());
      if (i > 0) loads.push(rendered); // the first load warms the server's caches
      await page.context().close();
    }
    await browser.close();
    console.log(
      `metrics page drawn in Chromium  median ${ms(percentile(loads, 50))}, worst ${ms(Math.max(...loads))} of ${loads.length} loads   target: < 2,000 ms`,
    );
  } finally {
    await server.stop();
  }
}
