import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startHttpServer, startTcpServer } from '../engine/support/servers'

/*
 * `npm start`'s first step, run as `npm start` runs it: a child `node` process. Each test
 * works in a temporary project holding a copy of the script and of the installed electron
 * package (its own install.js, checksums and version; its dependencies linked), so what
 * the real installer does decides the outcome and the real node_modules is never touched.
 */
const ROOT = resolve(__dirname, '../../..')
const ELECTRON = join(ROOT, 'node_modules', 'electron')
const electronVersion = (JSON.parse(readFileSync(join(ELECTRON, 'package.json'), 'utf8')) as { version: string }).version
const platformExecutable = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform as string] ?? 'electron'

let project: string

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'lm-start-'))
  mkdirSync(join(project, 'scripts'))
  copyFileSync(join(ROOT, 'scripts', 'ensure-electron.mjs'), join(project, 'scripts', 'ensure-electron.mjs'))
  const electron = join(project, 'node_modules', 'electron')
  mkdirSync(electron, { recursive: true })
  for (const file of ['package.json', 'install.js', 'checksums.json', 'index.js']) copyFileSync(join(ELECTRON, file), join(electron, file))
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(ROOT, 'node_modules', scope), join(project, 'node_modules', scope), 'junction')
  }
})

afterEach(() => rmSync(project, { recursive: true, force: true }))

function runStartStep(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now()
  const child = spawn(process.execPath, [join(project, 'scripts', 'ensure-electron.mjs')], {
    cwd: project,
    env: { PATH: process.env.PATH ?? '', HOME: project, electron_config_cache: join(project, 'cache'), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - started })))
}

/** The closing paragraph: one block of text, no stack frame, what to run, what still works. */
function expectPlainParagraph(stderr: string): string {
  expect(stderr).not.toMatch(/^\s+at /m)
  expect(stderr).not.toMatch(/node:internal|\.js:\d+/)
  const blocks = stderr.trim().split(/\n\s*\n/)
  const paragraph = blocks.at(-1)!.replace(/\s+/g, ' ')
  expect(paragraph.startsWith('License Manager cannot start')).toBe(true)
  expect(paragraph).toContain(`Electron ${electronVersion} binary`)
  expect(paragraph).toContain('`npx install-electron`')
  expect(paragraph).toContain('`npm run sandbox`')
  expect(paragraph).toContain('`npm run cli -- --help`')
  expect(paragraph).toContain('`npm test`')
  return paragraph
}

describe('npm start: the Electron binary step', () => {
  it('stops with one plain paragraph and exit code 1 when the binary cannot be downloaded', async () => {
    const mirror = await startHttpServer((_request, res) => res.writeHead(404).end('Not Found'))
    try {
      const run = await runStartStep({ ELECTRON_MIRROR: `${mirror.origin}/` })
      expect(run.code).toBe(1)
      // Electron's own installer made the attempt, for this version.
      expect(mirror.requests.map((r) => r.url)).toEqual([expect.stringContaining(`v${electronVersion}/electron-v${electronVersion}-`)])
      const paragraph = expectPlainParagraph(run.stderr)
      expect(paragraph).toMatch(/could not download it \(.*404.*\)/s)
      expect(run.stdout).toBe('')
    } finally {
      await mirror.close()
    }
  })

  // The limit leaves a loaded machine time to start the installer and reach the host.
  it('gives up after its time limit when the download host never answers', async () => {
    const silent = await startTcpServer(() => undefined)
    try {
      const run = await runStartStep({ ELECTRON_MIRROR: `${silent.origin}/`, LM_ELECTRON_INSTALL_TIMEOUT_MS: '5000' })
      expect(silent.connections()).toBeGreaterThan(0)
      expect(run.code).toBe(1)
      expect(run.ms).toBeLessThan(20_000)
      expect(expectPlainParagraph(run.stderr)).toMatch(/did not finish within 5 s \(LM_ELECTRON_INSTALL_TIMEOUT_MS sets the limit\)/)
    } finally {
      await silent.close()
    }
  })

  it('refuses a time limit that is not a number of milliseconds', async () => {
    const run = await runStartStep({ LM_ELECTRON_INSTALL_TIMEOUT_MS: 'soon' })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('LM_ELECTRON_INSTALL_TIMEOUT_MS must be a whole number of milliseconds, not "soon".')
  })

  it('passes straight on, without a download, when the binary is installed', async () => {
    const electron = join(project, 'node_modules', 'electron')
    mkdirSync(join(electron, 'dist', platformExecutable, '..'), { recursive: true })
    writeFileSync(join(electron, 'dist', platformExecutable), '')
    writeFileSync(join(electron, 'dist', 'version'), `v${electronVersion}`)
    writeFileSync(join(electron, 'path.txt'), platformExecutable)
    const mirror = await startHttpServer((_request, res) => res.writeHead(500).end())
    try {
      const run = await runStartStep({ ELECTRON_MIRROR: `${mirror.origin}/` })
      expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' })
      expect(mirror.requests).toEqual([])
    } finally {
      await mirror.close()
    }
  })
})
