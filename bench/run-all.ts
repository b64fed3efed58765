/**
 * `npm run bench`: speed figures for the board on SQLite and on PostgreSQL (when a server
 * answers at BENCH_DATABASE_URL, TEST_DATABASE_URL or 127.0.0.1:5432). Prints figures; asserts nothing.
 *
 * For each database: a project with 5,000 cards; the board query's server time (service, and
 * through the tRPC procedure with its output validation); the page in Chromium until the columns
 * are rendered and a card can be dragged; 20 clients moving cards over HTTP for 10 s.
 */
import http from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";
import { openDatabase } from "../db/client";
import { createApp } from "../server/compose";
import { LOCAL_OPERATOR } from "../domain/access/actor";
import { seedSynthetic } from "../server/seed/synthetic";
import { getBoard } from "../server/services/get-board";
import { createCaller } from "../server/trpc/root";
import { benchMetrics } from "./metrics";
import { benchJunit } from "./junit";
import { benchWebhooks } from "./webhooks";
import {
  ms,
  percentile,
  postgresTarget,
  projectToken,
  signedInPage,
  sqliteTarget,
  startServer,
  timeIt,
  type BenchTarget,
} from "./lib";

const ROOT = process.env.SHIPLANE_ROOT ?? path.resolve(import.meta.dirname, "..");
const CARDS = Number(process.env.BENCH_CARDS ?? 5000);
const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function benchTarget(target: BenchTarget, port: number) {
  console.log(`\n## ${target.dialect}: board with ${CARDS} cards`);
  const database = openDatabase(target.options);
  await database.migrate();
  const seedStarted = performance.now();
  const project = await seedSynthetic(database, { items: CARDS, slug: "bench" });
  console.log(`seeded in ${ms(performance.now() - seedStarted)}`);

  const app = createApp(database);
  const caller = createCaller({ app, actor: LOCAL_OPERATOR });
  await getBoard(app, { project: "bench" });
  const service = await timeIt(30, () => getBoard(app, { project: "bench" }));
  const procedure = await timeIt(30, () => caller.board.get({ project: "bench" }));
  console.log(
    `board query (service)          p50 ${ms(percentile(service, 50))}  p95 ${ms(percentile(service, 95))}   target: p50 < 60 ms`,
  );
  console.log(
    `board query (tRPC, validated)  p50 ${ms(percentile(procedure, 50))}  p95 ${ms(percentile(procedure, 95))}`,
  );
  await app.notifier.close();
  await database.close();

  const server = await startServer(ROOT, target, port);
  try {
    const input = encodeURIComponent(JSON.stringify({ 0: { json: { project: "bench" } } }));
    const http = await timeIt(20, async () =>
      (
        await fetch(`${server.url}/api/trpc/board.get?batch=1&input=${input}`, { headers: { cookie: server.cookie } })
      ).arrayBuffer(),
    );
    console.log(`board over HTTP (client-timed) p50 ${ms(percentile(http, 50))}  p95 ${ms(percentile(http, 95))}`);

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
    // Timed inside the page, from navigation start: every column rendered with its first cards
    // (draggable), and then every card of the board loaded.
    const usable: number[] = [];
    const complete: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await signedInPage(browser, server);
      await page.addInitScript(() => {
        const seen: Record<string, number> = {};
        (window as unknown as { __seen: Record<string, number> }).__seen = seen;
        new MutationObserver(() => {
          if (
            !seen.usable &&
            document.querySelectorAll('[data-stage] article[aria-roledescription="card"]').length > 0 &&
            document.querySelector('[data-stage="live"] article')
          ) {
            seen.usable = performance.now();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${server.url}/p/bench`);
      await page.locator('[data-stage="live"] article').first().waitFor({ state: "visible", timeout: 30_000 });
      await page.waitForFunction(
        () => performance.getEntriesByType("resource").filter((e) => e.name.includes("board.get")).length >= 2,
        null,
        { timeout: 30_000 },
      );
      const timing = await page.evaluate(() => ({
        usable: (window as unknown as { __seen: Record<string, number> }).__seen.usable,
        complete: Math.max(
          ...performance
            .getEntriesByType("resource")
            .filter((e) => e.name.includes("board.get"))
            .map((e) => (e as PerformanceResourceTiming).responseEnd),
        ),
      }));
      usable.push(timing.usable);
      complete.push(timing.complete);
      if (i === 4)
        console.log(
          `cards in the DOM: ${await page.locator("article").count()} of ${CARDS} (long columns are virtualised)`,
        );
      await page.context().close();
    }
    await browser.close();
    console.log(
      `page usable in Chromium        median ${ms(percentile(usable, 50))}, worst ${ms(Math.max(...usable))} of 5 loads   target: < 2,000 ms`,
    );
    console.log(`all ${CARDS} cards loaded        median ${ms(percentile(complete, 50))}`);

    const token = await projectToken(server, "bench", ["items:read", "items:write"]);
    const board = await (
      await fetch(`${server.url}/api/v1/projects/bench/items`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    const movable = (board.items as { id: number; stage: string }[])
      .filter((c) => c.stage === "story" || c.stage === "code")
      .map((c) => c.id);
    // Independent: each client starts at a random moment and pauses 50–150 ms between moves
    // (people and scripts act independently; they drag far less often than this); lockstep: all
    // 20 start together and pause exactly 100 ms, so their moves arrive in bursts of 20;
    // saturating: each client sends its next move as soon as the last one is answered.
    const loads = [
      ["independent, each pausing 50–150 ms between moves", { pauseMs: 100, jitter: true }],
      ["in lockstep, each pausing exactly 100 ms (bursts of 20)", { pauseMs: 100, jitter: false }],
      ["saturating: no pause", { pauseMs: 0, jitter: false }],
    ] as const;
    // Two seconds of moves first, not counted: the server compiles its hot paths and fills its caches.
    await moveLoad(server.url, token, movable, loads[0][1], 2);
    for (const [label, pace] of loads) {
      const result = await moveLoad(server.url, token, movable, pace);
      console.log(
        `card moves, ${CLIENTS} clients × ${SECONDS} s, ${label}: ${result.count} moves (${(result.count / SECONDS).toFixed(0)}/s), errors ${result.errors}`,
      );
      console.log(
        `  seen by the clients   p50 ${ms(percentile(result.latencies, 50))}  p99 ${ms(percentile(result.latencies, 99))}   target: p99 < 20 ms`,
      );
      console.log(
        `  server time (handler) p50 ${ms(percentile(result.serverTimes, 50))}  p99 ${ms(percentile(result.serverTimes, 99))}`,
      );
    }
    console.log(`server memory (RSS): ${server.rssMb().toFixed(0)} MB`);
  } finally {
    await server.stop();
  }
  void project;
}

/** CLIENTS concurrent clients moving cards between Story and Code (and reordering) over REST. */
async function moveLoad(
  url: string,
  token: string,
  movable: number[],
  pace: { pauseMs: number; jitter: boolean },
  seconds = SECONDS,
) {
  const latencies: number[] = [];
  const serverTimes: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      let n = client + 1;
      // A fixed pseudo-random sequence per client, so that runs compare.
      const pause = () => (pace.jitter ? pace.pauseMs * (0.5 + ((n >> 4) % 1000) / 1000) : pace.pauseMs);
      if (pace.jitter) await new Promise((resolve) => setTimeout(resolve, (client * 37) % pace.pauseMs));
      while (performance.now() < until) {
        n = (n * 1103515245 + 12345) % 2147483648;
        const id = movable[n % movable.length];
        const afterId = movable[(n >> 8) % movable.length];
        const body = JSON.stringify({
          toStage: n % 2 ? "code" : "story",
          afterId: afterId === id ? null : afterId,
          reason: "rework (bench)",
        });
        const started = performance.now();
        const { status, serverMs } = await post(`${url}/api/v1/items/${id}/move`, token, body);
        latencies.push(performance.now() - started);
        serverTimes.push(serverMs);
        if (status !== 200) errors++;
        if (pace.pauseMs) await new Promise((resolve) => setTimeout(resolve, pause()));
      }
    }),
  );
  return { latencies, serverTimes, errors, count: latencies.length };
}

// node:http with keep-alive: a lighter client than fetch, so the load generator takes less of
// the CPU it shares with the server on this machine.
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
function post(url: string, token: string, body: string): Promise<{ status: number; serverMs: number }> {
  return new Promise((resolve, reject) => {
    const headers = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
    };
    const request = http.request(url, { method: "POST", agent, headers }, (response) => {
      const serverMs = Number(/dur=([\d.]+)/.exec(String(response.headers["server-timing"] ?? ""))?.[1] ?? NaN);
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, serverMs }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

// BENCH_ONLY=sqlite or BENCH_ONLY=postgres runs one database.
const only = process.env.BENCH_ONLY;
const targets: BenchTarget[] = only === "postgres" ? [] : [sqliteTarget()];
if (only !== "sqlite") {
  const postgres = await postgresTarget();
  if (postgres) targets.push(postgres);
  else console.log("PostgreSQL: no server answered; set BENCH_DATABASE_URL to include it.");
}

// BENCH_PART=board, metrics, webhooks or junit runs one part; by default all four.
const part = process.env.BENCH_PART;
let port = 3300;
if (!part || part === "board") {
  for (const target of targets) {
    try {
      await benchTarget(target, port++);
    } finally {
      await target.cleanup();
    }
  }
}
if (!part || part === "metrics") {
  // Fresh databases: the board's are dropped above.
  for (const target of only === "postgres" ? [] : [sqliteTarget()])
    await benchMetrics(target, port++).finally(() => target.cleanup());
  const postgres = only === "sqlite" ? null : await postgresTarget();
  if (postgres) await benchMetrics(postgres, port++).finally(() => postgres.cleanup());
}
if (!part || part === "webhooks") await benchWebhooks(ROOT, SECONDS);
if (!part || part === "junit") {
  for (const target of only === "postgres" ? [] : [sqliteTarget()])
    await benchJunit(ROOT, target, port++).finally(() => target.cleanup());
  const postgres = only === "sqlite" ? null : await postgresTarget();
  if (postgres) await benchJunit(ROOT, postgres, port++).finally(() => postgres.cleanup());
}
process.exit(0);
