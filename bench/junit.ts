/**
 * A large JUnit upload must not hold the server: /api/health is polled every 20 ms while idle
 * (the baseline, same run) and while a 200,000-case report (about 12 MB) is uploaded, parsed and
 * stored. Prints the latencies and their ratio to the baseline; asserts nothing.
 */
import http from "node:http";
import { createProject } from "../server/services/create-project";
import { createApp } from "../server/compose";
import { openDatabase } from "../db/client";
import { LOCAL_OPERATOR } from "../domain/access/actor";
import { ms, percentile, projectToken, startServer, type BenchTarget } from "./lib";

const CASES = 200_000;

function report(cases: number): string {
  const body: string[] = ['<?xml version="1.0"?><testsuites><testsuite name="bench">'];
  for (let i = 0; i < cases; i++)
    body.push(
      `<testcase classname="bench.Suite${i % 100}" name="case ${i}" time="0.001">${i % 997 === 0 ? '<failure message="boom">expected 1, got 2</failure>' : ""}</testcase>`,
    );
  body.push("</testsuite></testsuites>");
  return body.join("");
}

/** Polls /api/health every 20 ms until `until` resolves; returns each answer's latency. */
async function pollHealth(url: string, until: Promise<unknown>): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) =>
      http
        .get(`${url}/api/health`, { agent }, (response) => {
          response.resume();
          response.on("end", () => resolve());
        })
        .on("error", reject),
    );
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  agent.destroy();
  return latencies;
}

export async function benchJunit(root: string, target: BenchTarget, port: number) {
  console.log(`\n## ${target.dialect}: /api/health during a ${CASES.toLocaleString("en")}-case JUnit upload`);
  const database = openDatabase(target.options);
  await database.migrate();
  const app = createApp(database);
  await createProject(app, LOCAL_OPERATOR, { name: "Reports", slug: "reports", keyPrefix: "RP" });
  await app.notifier.close();
  await database.close();
  const server = await startServer(root, target, port);
  try {
    const token = await projectToken(server, "reports", ["tests:write"]);
    const xml = report(CASES);
    const idle = await pollHealth(server.url, new Promise((resolve) => setTimeout(resolve, 2000)));
    const started = performance.now();
    const upload = fetch(`${server.url}/api/v1/projects/reports/test-runs?suite=bench&commit=${"a".repeat(40)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
      body: xml,
    }).then(async (response) => ({ status: response.status, body: await response.text() }));
    const busy = await pollHealth(server.url, upload);
    const answer = await upload;
    console.log(
      `upload of ${(Buffer.byteLength(xml) / 1024 / 1024).toFixed(1)} MB: ${answer.status} in ${ms(performance.now() - started)}`,
    );
    if (answer.status !== 201) console.log(`  ${answer.body.slice(0, 300)}`);
    console.log(`health while idle (baseline)   p50 ${ms(percentile(idle, 50))}  max ${ms(Math.max(...idle))}`);
    console.log(
      `health during the upload       p50 ${ms(percentile(busy, 50))}  p99 ${ms(percentile(busy, 99))}  max ${ms(Math.max(...busy))}   target: max < 100 ms`,
    );
    console.log(`ratio to the baseline: p99 ${(percentile(busy, 99) / percentile(idle, 99)).toFixed(1)}×`);
    const over = await fetch(`${server.url}/api/v1/projects/reports/test-runs?suite=over&commit=${"b".repeat(40)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
      body: report(CASES + 50_000),
    });
    console.log(
      `a ${(CASES + 50_000).toLocaleString("en")}-case report: ${over.status} ${(await over.json()).error?.message}`,
    );
  } finally {
    await server.stop();
  }
}
