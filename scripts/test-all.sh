#!/usr/bin/env bash
# Runs every suite (typecheck, vitest, Playwright) and prints one closing line:
# "N passed, N failed, N skipped" summed from the runners' JSON reports.
set -uo pipefail
cd "$(dirname "$0")/.."
out=.test-output
rm -rf "$out" && mkdir -p "$out"

status=0
npm run -s typecheck || status=1
npm run -s build > "$out/build.log" 2>&1 || { cat "$out/build.log"; status=1; }

npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json" || status=1

if [ -n "${DISPLAY:-}" ] || ! command -v xvfb-run > /dev/null; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test --reporter=list,json || status=1
else
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" xvfb-run -a npx playwright test --reporter=list,json || status=1
fi

node scripts/summarize-tests.mjs "$out/vitest.json" "$out/playwright.json" || status=1
exit $status
