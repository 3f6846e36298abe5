import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import packageJson from '../../../package.json'
import { arrayContaining, stringContaining } from '../../support/matchers'
import { builderConfig } from '../../../electron-builder.config'
import { allSteps, commandsOf, npmScriptOf, npxBinOf, readWorkflow, ROOT, workflowFiles, type Step } from './workflow-files'

/*
 * What the GitHub workflows promise, read from the files themselves (they cannot run here;
 * `npm run lint:workflows` checks them against the workflow schema, and
 * workflow-scripts.test.ts runs what they call). docs/ci.md explains each job.
 */

const ci = readWorkflow('ci.yml')
const release = readWorkflow('release.yml')
const OSES = ['ubuntu-latest', 'windows-latest', 'macos-latest']

/**
 * The only commands in `run:` steps that are neither `npm ci`, `npm run …` nor `npx` of a
 * devDependency: system glue no npm script can do, each with its reason.
 */
const GLUE: Record<string, string> = {
  'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0':
    'Ubuntu 24.04 forbids the unprivileged user namespaces Chromium’s sandbox needs; the packaged app keeps its sandbox on',
  'printf \'%s\' "$APPLE_API_KEY_P8" > "$RUNNER_TEMP/apple-api-key.p8"': 'electron-builder takes the App Store Connect key as a file path',
  'echo "APPLE_API_KEY=$RUNNER_TEMP/apple-api-key.p8" >> "$GITHUB_ENV"': '… and reads that path from APPLE_API_KEY',
  'gh release create "$TAG" installers/* --repo "$GITHUB_REPOSITORY" --draft --verify-tag --generate-notes --title "License Manager $TAG"':
    'attaching files to a draft release is GitHub’s own command line (preinstalled on its runners)'
}

const stepNamed = (steps: Step[], fragment: string): Step[] => steps.filter((s) => s.name?.includes(fragment))

describe('every workflow', () => {
  it.each(workflowFiles())('%s pins each action to a full commit SHA, its version in a comment', (file) => {
    const uses = readFileSync(join(ROOT, '.github', 'workflows', file), 'utf8')
      .split('\n')
      .filter((line) => /^\s*(- )?uses:/.test(line))
    expect(uses.length).toBeGreaterThan(0)
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
  })

  it.each(workflowFiles())('%s: every job has a time limit, and the workflow reads the repository only', (file) => {
    const workflow = readWorkflow(file)
    expect(workflow.permissions).toEqual({ contents: 'read' })
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job['timeout-minutes'], `${file} › ${name}`).toBeGreaterThan(0)
      expect(job['timeout-minutes'], `${file} › ${name}`).toBeLessThanOrEqual(90)
    }
  })

  it.each(workflowFiles())('%s runs its steps in bash on every system (PowerShell would swallow the `--` of `npm run X -- …`)', (file) => {
    expect(readWorkflow(file).defaults).toEqual({ run: { shell: 'bash' } })
    for (const { step } of allSteps(readWorkflow(file))) expect(step.shell, step.name).toBeUndefined()
  })

  it.each(workflowFiles())('%s runs only npm scripts, npx of devDependencies and the named system glue', (file) => {
    const workflow = readWorkflow(file)
    const devBins = new Set(['install-electron', 'playwright'])
    for (const { job, step } of allSteps(workflow)) {
      for (const command of commandsOf(step.run ?? '')) {
        const where = `${file} › ${job} › ${step.name ?? '?'}: ${command}`
        if (command === 'npm ci') continue
        const script = npmScriptOf(command)
        if (script) {
          expect(Object.keys(packageJson.scripts), where).toContain(script)
          continue
        }
        const bin = npxBinOf(command)
        if (bin) {
          expect(devBins, where).toContain(bin)
          continue
        }
        expect(Object.keys(GLUE), where).toContain(command)
      }
    }
  })

  it.each(workflowFiles())('%s keeps secrets in GitHub’s secret store: only ${{ secrets.* }} in env, no key material', (file) => {
    const workflow = readWorkflow(file)
    expect(workflow.text).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY|MII[A-Za-z0-9+/]{20}/)
    for (const { step } of allSteps(workflow)) {
      expect(step.run ?? '', step.name).not.toContain('secrets.')
      for (const value of Object.values(step.with ?? {})) expect(String(value)).not.toContain('secrets.')
    }
  })
})

describe('ci.yml: the real Electron on Windows, macOS and Linux', () => {
  const job = ci.jobs['electron']!
  const steps = job.steps
  const runs = steps.map((s) => s.run ?? '')

  it('runs on pushes to main and on pull requests, one run per ref at a time', () => {
    expect(Object.keys(ci.on)).toEqual(arrayContaining(['push', 'pull_request']))
    expect(ci.concurrency).toEqual({ group: 'ci-${{ github.ref }}', 'cancel-in-progress': true })
  })

  it('a job on each system, each one finishing even when another fails', () => {
    expect(job.strategy?.matrix.include?.map((entry) => entry['os'])).toEqual(OSES)
    expect(job['runs-on']).toBe('${{ matrix.os }}')
    expect((job.strategy as { 'fail-fast'?: boolean })['fail-fast']).toBe(false)
  })

  it('on Node 22 LTS, the version .nvmrc names', () => {
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toBe('22')
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version-file': '.nvmrc' })
  })

  it('installs Electron with its own installer, then checks, tests, packages and drives the packaged app, in that order', () => {
    const order = [
      'npm ci',
      'npx install-electron',
      'npx playwright install --with-deps chromium',
      'npm run typecheck',
      'npm run lint',
      'npm run test:unit',
      'npm run test:slow',
      'npm run dist:e2e',
      'npm run test:e2e:electron',
      'npm run measure:electron',
      'npm run dist -- --publish never'
    ]
    const positions = order.map((command) => runs.findIndex((run) => run.includes(command)))
    expect(
      positions.every((p) => p >= 0),
      `missing: ${order.filter((_, i) => positions[i]! < 0).join(', ')}`
    ).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('the e2e and measurement steps drive the packaged build of that system, under Xvfb on Linux', () => {
    const driving = steps.filter((s) => /npm run (test:e2e:electron|measure:electron)/.test(s.run ?? ''))
    expect(driving).toHaveLength(4)
    for (const step of driving) {
      expect(step.env?.['E2E_PACKAGED_APP']).toBe('${{ matrix.packaged-app }}')
      expect(step.run!.startsWith('xvfb-run -a ')).toBe(step.if?.includes("runner.os == 'Linux'") ?? false)
    }
  })

  it('each system’s packaged-app path is where `npm run dist:e2e` puts the executable', () => {
    const config = builderConfig('e2e')
    const product = config.productName!
    const expected: Record<string, string> = {
      'ubuntu-latest': `${config.directories!.output!}/linux-unpacked/${packageJson.name}`,
      'windows-latest': `${config.directories!.output!}/win-unpacked/${product}.exe`,
      // GitHub's macos-latest is Apple silicon: electron-builder's folder is mac-arm64.
      'macos-latest': `${config.directories!.output!}/mac-arm64/${product}.app/Contents/MacOS/${product}`
    }
    for (const entry of job.strategy!.matrix.include!) expect(entry['packaged-app'], entry['os']).toBe(expected[entry['os']!])
  })

  it('the browser comes from the environment (Playwright’s own on the runners), not from a Linux path', () => {
    expect(job.env?.['CHROMIUM_PATH']).toBe('playwright')
    expect(ci.text).not.toContain('/usr/bin/chromium')
  })

  it('uploads the Playwright report, the failures’ screenshots, the measurements and the installers, also after a failure', () => {
    const uploads = steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@'))
    expect(uploads.map((s) => String(s.with?.['path']).trim())).toEqual([
      'playwright-report/',
      'test-results/',
      'measurements/',
      'dist/*.exe\ndist/*.dmg\ndist/*.AppImage\ndist/*.deb'
    ])
    for (const upload of uploads) {
      expect(upload.if).toBe('${{ !cancelled() }}')
      expect(String(upload.with?.['name'])).toContain('${{ matrix.os }}')
    }
  })
})

describe('release.yml: signed installers on a draft release', () => {
  const build = release.jobs['installers']!
  const draft = release.jobs['draft-release']!
  const secretsIn = (text: string): string[] => [...new Set([...text.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1]!))].sort()
  const SECRETS = [
    'APPLE_API_ISSUER',
    'APPLE_API_KEY_ID',
    'APPLE_API_KEY_P8',
    'MACOS_CSC_KEY_PASSWORD',
    'MACOS_CSC_LINK',
    'WINDOWS_CSC_KEY_PASSWORD',
    'WINDOWS_CSC_LINK'
  ]

  it('runs for version tags only', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } })
  })

  it('builds on the three systems; only the job that drafts the release may write', () => {
    expect(build.strategy?.matrix.os).toEqual(OSES)
    expect(build.permissions).toBeUndefined()
    expect(draft.permissions).toEqual({ contents: 'write' })
    expect(draft.needs).toBe('installers')
  })

  it('names exactly the secrets docs/packaging.md lists, and the docs list each of them', () => {
    expect(secretsIn(release.text)).toEqual(SECRETS)
    const docs = readFileSync(join(ROOT, 'docs', 'packaging.md'), 'utf8')
    for (const name of SECRETS) expect(docs, name).toContain(`\`${name}\``)
  })

  it('signs Windows and macOS or fails (no unsigned installer slips into a release), and notarizes on macOS', () => {
    const signing = stepNamed(build.steps, 'sign')
    expect(signing.map((s) => s.if)).toEqual(["runner.os == 'Windows'", "runner.os == 'macOS'"])
    for (const step of signing) {
      expect(step.run).toContain('-c.forceCodeSigning=true')
      expect(step.env).toMatchObject({ CSC_LINK: stringContaining('secrets.'), CSC_KEY_PASSWORD: stringContaining('secrets.') })
    }
    expect(signing[1]!.env).toMatchObject({ APPLE_API_KEY_ID: '${{ secrets.APPLE_API_KEY_ID }}', APPLE_API_ISSUER: '${{ secrets.APPLE_API_ISSUER }}' })
    expect(builderConfig('release').mac?.notarize).toBe(true)
  })

  it('attaches the installers to a draft, never a published release', () => {
    const run = draft.steps.map((s) => s.run ?? '').join('\n')
    expect(run).toContain('gh release create')
    expect(run).toContain('--draft')
  })
})
