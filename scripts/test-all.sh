#!/usr/bin/env bash
# Runs every check and suite (typecheck, lint, format check, build, workflow validation, vitest,
# the main-process suites again on Electron's Node line, Playwright) and prints one closing line:
# "N passed, N failed, N skipped", summed from the runners' JSON reports, each check counting as one test.
set -uo pipefail
cd "$(dirname "$0")/.."
out=.test-output
rm -rf "$out" && mkdir -p "$out"

status=0
# check NAME COMMAND…: runs a check, records "NAME EXIT-CODE" for the summary; a failing check shows its output.
check() {
  local name=$1
  shift
  "$@" > "$out/$name.log" 2>&1
  local code=$?
  echo "$name $code" >> "$out/checks.txt"
  if [ "$code" -ne 0 ]; then
    cat "$out/$name.log"
    status=1
  fi
}
check typecheck npm run -s typecheck
check lint npm run -s lint
check format npm run -s format:check
check links npm run -s lint:docs
check build npm run -s build
check workflows npm run -s lint:workflows

npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json" || status=1

# Electron's Node line: the main-process suites once more on the Node version Electron embeds
# (installed from the npm registry by scripts/electron-node.mjs; docs/ci.md).
npm run -s test:electron-node -- --reporter=default --reporter=json --outputFile.json="$out/vitest-electron-node.json" || status=1

if [ -n "${DISPLAY:-}" ] || ! command -v xvfb-run > /dev/null; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test --reporter=list,json || status=1
else
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" xvfb-run -a npx playwright test --reporter=list,json || status=1
fi

node scripts/summarize-tests.mjs "$out/vitest.json" "$out/playwright.json" "$out/checks.txt" "$out/vitest-electron-node.json" || status=1
exit $status
