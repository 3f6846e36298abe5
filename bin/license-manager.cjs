#!/usr/bin/env node
// `npx license-manager …`: the CLI (src/cli) run through tsx, with nothing printed before
// its own output, so `--json` stays one parseable line.
require('tsx/cjs/api').register()
require('../src/cli/index.ts')
