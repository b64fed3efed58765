#!/usr/bin/env node
// The demo project's regression suite: fetches the deployed site at SHIPLANE_TARGET_URL,
// checks that it answers, serves SHIPLANE_VERSION and reports itself healthy, and writes
// the results as JUnit XML to SHIPLANE_JUNIT_FILE. Exits 1 when a check fails.
import fs from "node:fs";

const { SHIPLANE_TARGET_URL: base, SHIPLANE_VERSION: version, SHIPLANE_JUNIT_FILE: junit } = process.env;
if (!base || !version || !junit) {
  console.error("SHIPLANE_TARGET_URL, SHIPLANE_VERSION and SHIPLANE_JUNIT_FILE must be set (Shiplane sets them).");
  process.exit(2);
}

async function get(relative) {
  const response = await fetch(new URL(relative, base), {
    signal: AbortSignal.timeout(10_000),
    headers: { "cache-control": "no-cache" },
  });
  return { status: response.status, text: await response.text() };
}

const checks = [
  [
    "site",
    "home page answers 200",
    async () => {
      const page = await get("./");
      if (page.status !== 200) throw new Error(`GET ${base} answered ${page.status}`);
    },
  ],
  [
    "site",
    `serves version ${version}`,
    async () => {
      const info = JSON.parse((await get("version.json")).text);
      if (info.version !== version) throw new Error(`expected version ${version}, found ${info.version}`);
    },
  ],
  [
    "checkout",
    "health check reports ok",
    async () => {
      const health = JSON.parse((await get("health.json")).text);
      if (health.status !== "ok") throw new Error(`health is "${health.status}": ${health.detail ?? ""}`);
    },
  ],
];

const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const cases = [];
for (const [className, name, check] of checks) {
  const started = performance.now();
  try {
    await check();
    cases.push({ className, name, seconds: (performance.now() - started) / 1000 });
    console.log(`✓ ${className} › ${name}`);
  } catch (error) {
    cases.push({ className, name, seconds: (performance.now() - started) / 1000, failure: error.message });
    console.log(`✗ ${className} › ${name}: ${error.message}`);
  }
}
const failures = cases.filter((c) => c.failure).length;
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="regression" tests="${cases.length}" failures="${failures}">
${cases
  .map(
    (c) =>
      `  <testcase classname="${escape(c.className)}" name="${escape(c.name)}" time="${c.seconds.toFixed(3)}">${c.failure ? `<failure message="${escape(c.failure)}"/>` : ""}</testcase>`,
  )
  .join("\n")}
</testsuite>
`;
fs.writeFileSync(junit, xml);
console.log(`${cases.length - failures} passed, ${failures} failed against ${base}`);
process.exit(failures ? 1 : 0);
