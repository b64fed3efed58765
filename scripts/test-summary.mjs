#!/usr/bin/env node
// Sums the Vitest and Playwright JSON reports into one closing line, and fails when
// SHIPLANE_REQUIRE_POSTGRES=1 and no PostgreSQL integration test passed.
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const read = (name) => {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
};

let passed = 0;
let failed = 0;
let skipped = 0;
let postgres = 0;

const vitest = read("vitest.json");
for (const file of vitest?.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    if (test.status === "passed") passed++;
    else if (test.status === "failed") failed++;
    else skipped++;
    if (test.status === "passed" && (test.ancestorTitles ?? []).some((title) => title.includes("[postgres]")))
      postgres++;
  }
}
if (!vitest) failed++;

const playwright = read("playwright.json");
const walk = (suite) => {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const outcome = test.status ?? test.results?.at(-1)?.status;
      if (outcome === "expected" || outcome === "passed") passed++;
      else if (outcome === "skipped") skipped++;
      else failed++;
    }
  }
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of playwright?.suites ?? []) walk(suite);
if (!playwright) failed++;

console.log(`PostgreSQL integration tests passed: ${postgres}`);
let code = failed > 0 ? 1 : 0;
if (process.env.SHIPLANE_REQUIRE_POSTGRES === "1" && postgres === 0) {
  console.log("error: the PostgreSQL suite did not run, and this run requires it (TEST_DATABASE_URL).");
  code = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(code);
