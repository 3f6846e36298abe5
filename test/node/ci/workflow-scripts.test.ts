import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import packageJson from '../../../package.json'
import { calledByWorkflows, ROOT } from './workflow-files'

/*
 * Every npm script the GitHub workflows call exists here and is exercised by `npm test`
 * (scripts/test-all.sh), so a broken script fails on this machine before a runner starts.
 * How each one is exercised is written down below and checked, not assumed:
 *  - `check`: test-all.sh runs it as a counted check (`check NAME npm run -s SCRIPT`);
 *  - `vitest`: the script selects vitest projects; here it is run with a filter that matches
 *    no file (its flags and project names are checked by vitest itself), and test-all.sh's
 *    unfiltered vitest run runs every test of those projects;
 *  - `playwright`: here it is run with `--list` (config, flags and every spec are loaded,
 *    nothing launched), and test-all.sh's Playwright run runs the same tests (the electron
 *    project skips each with its reason where Electron's binary is missing);
 *  - `build-then-package`: electron-builder needs Electron's binaries, which cannot be
 *    downloaded here; the script's first half is exactly the `build` script (a counted
 *    check), and the configuration file it names is validated by test/node/packaging.
 *  - `own-test`: a run takes far too long for npm test (mutation testing: an hour a module);
 *    the script is a TypeScript file whose own test in the fast tier imports and runs its parts.
 */

type Exercise =
  | { kind: 'check'; check: string }
  | { kind: 'vitest'; projects: string[] }
  | { kind: 'playwright'; grep: 'only @measure' | 'without @measure' }
  | { kind: 'build-then-package'; config: string }
  | { kind: 'own-test'; test: string }

const HOW: Record<string, Exercise> = {
  typecheck: { kind: 'check', check: 'typecheck' },
  lint: { kind: 'check', check: 'lint' },
  'test:unit': { kind: 'vitest', projects: ['node', 'web'] },
  'test:slow': { kind: 'vitest', projects: ['node-slow'] },
  'dist:e2e': { kind: 'build-then-package', config: 'electron-builder.e2e.config.ts' },
  dist: { kind: 'build-then-package', config: 'electron-builder.config.ts' },
  'test:e2e:electron': { kind: 'playwright', grep: 'without @measure' },
  'measure:electron': { kind: 'playwright', grep: 'only @measure' },
  'test:mutation': { kind: 'own-test', test: 'test/node/mutation/report.test.ts' }
}

const SCRIPTS = packageJson.scripts as Record<string, string>
/** Starting vitest or Playwright takes seconds, and much longer on a machine busy with the rest of npm test. */
const CHILD_RUN_MS = 120_000
const TEST_ALL = readFileSync(join(ROOT, 'scripts', 'test-all.sh'), 'utf8')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function runScript(name: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(npm, ['run', '-s', name, '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: CHILD_RUN_MS,
    env: { ...process.env, CI: '' },
    shell: process.platform === 'win32'
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

/** Playwright's `--list` lines: "[project] › file:line:col › title…". */
const listed = (output: string): string[] => output.split('\n').filter((line) => /^\s*\[[\w-]+\] › /.test(line))

describe('the npm scripts the workflows call', () => {
  const called = calledByWorkflows()

  it('each one is accounted for below (a new one must say how npm test exercises it)', () => {
    expect([...called.scripts].sort()).toEqual(Object.keys(HOW).sort())
    for (const script of called.scripts) expect(SCRIPTS[script], script).toBeTypeOf('string')
  })

  it('npx commands are those of devDependencies, installed here', () => {
    const devDependencies = packageJson.devDependencies as Record<string, string>
    const owners: Record<string, string> = { 'install-electron': 'electron', playwright: '@playwright/test' }
    for (const bin of called.bins) {
      const owner = owners[bin]
      expect(owner, `who provides npx ${bin}`).toBeDefined()
      expect(devDependencies[owner!], owner).toBeDefined()
      const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', owner!, 'package.json'), 'utf8')) as { bin?: Record<string, string> }
      // @playwright/test's bin is the playwright command; electron's bin holds install-electron.
      expect(Object.keys(manifest.bin ?? {}), owner).toContain(bin)
    }
  })

  it.each(Object.entries(HOW).filter(([, how]) => how.kind === 'check'))('%s: a counted check of npm test', (script, how) => {
    if (how.kind !== 'check') return
    expect(TEST_ALL).toContain(`check ${how.check} npm run -s ${script}\n`)
  })

  it.each(Object.entries(HOW).filter(([, how]) => how.kind === 'vitest'))(
    '%s: vitest accepts its projects; npm test runs them all',
    (script, how) => {
      if (how.kind !== 'vitest') return
      expect(SCRIPTS[script]).toBe(`vitest run ${how.projects.map((p) => `--project ${p}`).join(' ')}`)
      const result = runScript(script, ['--passWithNoTests', 'no-test-file-is-named-like-this'])
      expect(result.output).toContain('No test files found')
      expect(result.status, result.output).toBe(0)
      // test-all.sh's own vitest run names no project: every project, these included, runs there.
      expect(TEST_ALL).toMatch(/^npx vitest run --reporter=default --reporter=json --outputFile\.json="\$out\/vitest\.json"/m)
    },
    CHILD_RUN_MS + 30_000
  )

  it.each(Object.entries(HOW).filter(([, how]) => how.kind === 'playwright'))(
    '%s: Playwright lists its tests; npm test runs the same specs',
    (script, how) => {
      if (how.kind !== 'playwright') return
      const result = runScript(script, ['--list'])
      expect(result.status, result.output).toBe(0)
      const lines = listed(result.output)
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(line.trim().startsWith('[electron] › '), line).toBe(true)
      const measuring = lines.filter((line) => / › measure-[\w-]+\.spec\.ts:/.test(line))
      if (how.grep === 'only @measure') expect(measuring).toEqual(lines)
      else expect(measuring).toEqual([])
      expect(TEST_ALL).toMatch(/npx playwright test --reporter=list,json/)
    },
    CHILD_RUN_MS + 30_000
  )

  it.each(Object.entries(HOW).filter(([, how]) => how.kind === 'build-then-package'))(
    '%s: not runnable here (Electron’s binaries); its build is the build check, its configuration is validated',
    (script, how) => {
      if (how.kind !== 'build-then-package') return
      const [build, ...rest] = SCRIPTS[script]!.split(' && ')
      expect(build).toBe(SCRIPTS['build'])
      expect(TEST_ALL).toContain('check build npm run -s build\n')
      expect(rest.join(' && ')).toMatch(new RegExp(`^electron-builder --config ${how.config.replace(/\./g, '\\.')}( --dir)?$`))
      expect(readFileSync(join(ROOT, 'test', 'node', 'packaging', 'electron-builder.test.ts'), 'utf8')).toContain(`'${how.config}'`)
    }
  )

  it.each(Object.entries(HOW).filter(([, how]) => how.kind === 'own-test'))('%s: too long for npm test; its own test imports its script', (script, how) => {
    if (how.kind !== 'own-test') return
    const file = /^tsx scripts\/([\w-]+)\.ts$/.exec(SCRIPTS[script] ?? '')?.[1]
    expect(file, SCRIPTS[script]).toBeDefined()
    expect(readFileSync(join(ROOT, how.test), 'utf8')).toContain(`from '../../../scripts/${file!}'`)
  })
})
