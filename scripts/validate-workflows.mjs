// @ts-check
// `npm run lint:workflows`: every GitHub Actions workflow in .github/workflows checked against
// the workflow schema by @action-validator/cli (from the npm registry; works offline). The
// validator takes one file per call and prints its errors as JSON; this prints them per file
// and exits 1 when any file is invalid, or when there is none to check.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FOLDER = join(ROOT, '.github', 'workflows')

const require = createRequire(import.meta.url)
const validatorPackage = require.resolve('@action-validator/cli/package.json')
/** @type {{ bin: string | Record<string, string> }} */
const manifest = require(validatorPackage)
const binFile = typeof manifest.bin === 'string' ? manifest.bin : (manifest.bin['action-validator'] ?? '')
const validator = join(dirname(validatorPackage), binFile)

const files = readdirSync(FOLDER)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
if (files.length === 0) {
  process.stderr.write(`lint:workflows: no workflow in ${FOLDER}\n`)
  process.exit(1)
}

let failed = 0
for (const name of files) {
  const result = spawnSync(process.execPath, [validator, join(FOLDER, name)], { encoding: 'utf8', timeout: 60_000 })
  if (result.status === 0) {
    process.stdout.write(`valid   .github/workflows/${name}\n`)
    continue
  }
  failed += 1
  process.stdout.write(`INVALID .github/workflows/${name}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}\n`)
}
process.exit(failed === 0 ? 0 : 1)
