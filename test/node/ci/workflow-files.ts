import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

export const ROOT = resolve(__dirname, '../../..')
export const WORKFLOWS = join(ROOT, '.github', 'workflows')

export interface Step {
  name?: string
  if?: string
  uses?: string
  run?: string
  shell?: string
  env?: Record<string, string>
  with?: Record<string, unknown>
}

export interface Job {
  name?: string
  'runs-on': string
  'timeout-minutes'?: number
  needs?: string | string[]
  permissions?: Record<string, string>
  strategy?: { matrix: { os?: string[]; include?: Array<Record<string, string>> } }
  env?: Record<string, string>
  steps: Step[]
}

export interface Workflow {
  file: string
  text: string
  name: string
  on: Record<string, unknown>
  permissions?: Record<string, string>
  defaults?: { run?: { shell?: string } }
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, Job>
}

export function readWorkflow(file: string): Workflow {
  const text = readFileSync(join(WORKFLOWS, file), 'utf8')
  return { ...(parse(text) as Omit<Workflow, 'file' | 'text'>), file, text }
}

export const workflowFiles = (): string[] =>
  readdirSync(WORKFLOWS)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()

export const allSteps = (workflow: Workflow): Array<{ job: string; step: Step }> =>
  Object.entries(workflow.jobs).flatMap(([job, definition]) => definition.steps.map((step) => ({ job, step })))

/** One command of a `run:` step (lines joined where a line ends in a backslash). */
export function commandsOf(run: string): string[] {
  return run
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/** `npm run NAME …` (after an optional `xvfb-run -a`): the script's name. */
export function npmScriptOf(command: string): string | null {
  const match = /^(?:xvfb-run -a )?npm run (?:-s )?([\w:.-]+)(?: -- .*)?$/.exec(command)
  return match?.[1] ?? null
}

/** `npx BIN …`: the command's name. */
export function npxBinOf(command: string): string | null {
  const match = /^npx ([\w@/.-]+)(?: .*)?$/.exec(command)
  return match?.[1] ?? null
}

/** Every npm script and npx command the workflows' steps call. */
export function calledByWorkflows(): { scripts: Set<string>; bins: Set<string> } {
  const scripts = new Set<string>()
  const bins = new Set<string>()
  for (const file of workflowFiles()) {
    for (const { step } of allSteps(readWorkflow(file))) {
      for (const command of commandsOf(step.run ?? '')) {
        const script = npmScriptOf(command)
        const bin = npxBinOf(command)
        if (script) scripts.add(script)
        if (bin) bins.add(bin)
      }
    }
  }
  return { scripts, bins }
}
