#!/usr/bin/env bash
# The whole suite: typecheck, lint, unit and integration tests (SQLite, and PostgreSQL when
# TEST_DATABASE_URL is set), then the end-to-end journeys in Chromium. Prints a closing
# "N passed, N failed" line over every test that ran.
set -uo pipefail
cd "$(dirname "$0")/.."
reports=$(mktemp -d)
status=0

step() { echo; echo "== $1"; }

step "typecheck"
npx tsc --noEmit || status=1

step "lint"
npm run lint || status=1

step "unit and integration tests"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "TEST_DATABASE_URL is not set: the PostgreSQL half of the integration suite is skipped."
fi
npx vitest run --reporter=verbose --reporter=json --outputFile.json="$reports/vitest.json" || status=1

step "end-to-end tests (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npx playwright test --reporter=list,json || status=1

step "summary"
node scripts/test-summary.mjs "$reports" || status=1
exit $status
