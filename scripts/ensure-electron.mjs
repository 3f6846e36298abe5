// @ts-check
// First step of `npm start` and `npm run dev`: makes sure Electron's binary is installed, with Electron's
// own installer (node_modules/electron/install.js, the `install-electron` command), before
// electron-vite runs. electron-vite reads node_modules/electron/path.txt itself and fails
// with a stack trace when the lazy download never happened. Where the download fails or
// takes too long, this prints one plain paragraph and exits 1.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const DEFAULT_TIMEOUT_MS = 5 * 60_000
const TIMEOUT_VARIABLE = 'LM_ELECTRON_INSTALL_TIMEOUT_MS'
/** `@electron/get` 5, which Electron 45's installer uses, declares this Node version. */
const INSTALLER_NODE = [22, 12]

const require = createRequire(import.meta.url)

/** @param {string | undefined} raw */
function timeoutFrom(raw) {
  if (raw === undefined || raw === '') return DEFAULT_TIMEOUT_MS
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) {
    stop(`${TIMEOUT_VARIABLE} must be a whole number of milliseconds, not "${raw}".`)
  }
  return value
}

/** @param {string} text */
function stop(text) {
  process.stderr.write(`\n${wrap(text)}\n\n`)
  process.exit(1)
}

/** Wraps for a terminal, never inside a `command`. @param {string} text */
function wrap(text, width = 88) {
  const lines = []
  let line = ''
  const words = text.replace(/`[^`]*`/g, (command) => command.replaceAll(' ', '\u00a0')).split(/[ \t\r\n]+/)
  for (const word of words.map((w) => w.replaceAll('\u00a0', ' '))) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines.join('\n')
}

/** The installer prints a stack; keep only its error message ("fetch failed", "HTTPError: …"). */
function firstErrorMessage(/** @type {string} */ stderr) {
  for (const line of stderr.split(/\r?\n/)) {
    const match = /^\s*(?:[A-Za-z]*Error)(?: \[[^\]]+\])?: (.+)$/.exec(line)
    if (match?.[1]) return match[1].trim().slice(0, 200)
  }
  return null
}

function nodeIsTooOldForInstaller() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  const [needMajor = 0, needMinor = 0] = INSTALLER_NODE
  return major < needMajor || (major === needMajor && minor < needMinor)
}

/** The command that ran this step (`npm start` or `npm run dev`), to run again once fixed. */
const command = process.env.npm_lifecycle_event === 'dev' ? 'npm run dev' : 'npm start'

/** @param {string} why @param {string} version */
function cannotInstall(why, version) {
  const tooOld = nodeIsTooOldForInstaller()
  const nodeNote = tooOld ? ` Electron's installer is made for Node ${INSTALLER_NODE.join('.')} or newer; this is Node ${process.versions.node}.` : ''
  const firstStep = tooOld ? 'switch to Node 22 LTS or newer (see .nvmrc), then ' : ''
  stop(
    `License Manager cannot start: Electron's own program (the Electron ${version} binary that ` +
      `shows the app's window) is missing from node_modules/electron, and Electron's installer ` +
      `could not download it (${why}). It is fetched once, on the first start, from Electron's ` +
      `download host (GitHub, or the ELECTRON_MIRROR you set).${nodeNote} To fix it, ${firstStep}` +
      `run \`npx install-electron\` in this folder while this computer can reach that host (or ` +
      `with ELECTRON_MIRROR set to a mirror it can reach), then \`${command}\` again. Everything else works without it: the sandbox (\`npm run sandbox\`), ` +
      `the command line (\`npm run cli -- --help\`) and the tests (\`npm test\`).`
  )
}

function main() {
  /** @type {string} */ let installer
  /** @type {string} */ let version
  try {
    installer = require.resolve('electron/install.js')
    version = require('electron/package.json').version
  } catch {
    return stop(`License Manager cannot start: the electron package is missing from node_modules. Run \`npm ci\` first, then \`${command}\` again.`)
  }
  const timeoutMs = timeoutFrom(process.env[TIMEOUT_VARIABLE])
  if (!existsSync(join(dirname(installer), 'path.txt'))) {
    process.stderr.write(`Electron ${version} is not installed yet: downloading it with its own installer (first start only)…\n`)
  }

  const child = spawn(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true })
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 64 * 1024) stderr += chunk
  })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill()
  }, timeoutMs)
  child.on('error', (error) => {
    clearTimeout(timer)
    cannotInstall(`its installer could not be run (${error.message})`, version)
  })
  child.on('close', (code) => {
    clearTimeout(timer)
    if (timedOut) return cannotInstall(`the download did not finish within ${Math.round(timeoutMs / 1000)} s (${TIMEOUT_VARIABLE} sets the limit)`, version)
    if (code === 0) return
    cannotInstall(firstErrorMessage(stderr) ?? `its installer stopped with exit code ${code}`, version)
  })
}

main()
