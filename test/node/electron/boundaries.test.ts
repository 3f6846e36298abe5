import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IPC } from '../../../src/shared/ipc-channels'

const ROOT = resolve(__dirname, '../../..')
const SRC = join(ROOT, 'src')
const rel = (file: string) => relative(ROOT, file).split(sep).join('/')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|mts|cts|js|mjs|cjs|html)$/.test(name) ? [path] : []
  })
}

interface ImportRef {
  specifier: string
  typeOnly: boolean
}

/** Static imports, re-exports, `import()` and `require()`; `import type` / `export type` are marked. */
function importsOf(code: string): ImportRef[] {
  const refs: ImportRef[] = []
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    refs.push({ specifier: m[3]!, typeOnly: m[2] !== undefined })
  }
  for (const m of code.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ specifier: m[1]!, typeOnly: false })
  return refs
}

const files = sourceFiles(SRC)

describe('IPC channel names', () => {
  it('are spelled only in src/shared/ipc-channels.ts', () => {
    const prefix = IPC.getAppInfo.slice(0, IPC.getAppInfo.indexOf(':') + 1)
    expect(prefix).toBe('license-manager:')
    // The app's link scheme (license-manager://…) shares the prefix; a channel name never continues with "//".
    const channelLike = /license-manager:(?!\/\/)/
    const offenders = files.filter((f) => rel(f) !== 'src/shared/ipc-channels.ts' && channelLike.test(readFileSync(f, 'utf8'))).map(rel)
    expect(offenders).toEqual([])
  })

  it('all share that prefix, so the scan above covers every channel', () => {
    for (const channel of Object.values(IPC)) expect(channel.startsWith('license-manager:')).toBe(true)
  })
})

// Which modules may import electron, and only its types, is ESLint's no-restricted-imports (eslint.config.mjs).
describe('the import scanner', () => {
  it('the scanner itself sees the forms it must catch', () => {
    const sample = [
      "import { app } from 'electron'",
      "import type { WebContents } from 'electron'",
      "export { shell } from 'electron'",
      "const { net } = require('electron')",
      "await import('electron')",
      "import 'electron'"
    ].join('\n')
    expect(importsOf(sample)).toEqual([
      { specifier: 'electron', typeOnly: false },
      { specifier: 'electron', typeOnly: true },
      { specifier: 'electron', typeOnly: false },
      { specifier: 'electron', typeOnly: false },
      { specifier: 'electron', typeOnly: false },
      { specifier: 'electron', typeOnly: false }
    ])
  })
})

describe('the sandboxed preload', () => {
  function resolveLocal(from: string, specifier: string): string {
    const base = resolve(dirname(from), specifier)
    const candidate = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile())
    if (!candidate) throw new Error(`${rel(from)} imports ${specifier}, which does not resolve`)
    return candidate
  }

  /** Every module the preload pulls in at run time, and the bare packages among them. */
  function runtimeGraph(entry: string) {
    const seen = new Set<string>()
    const packages = new Set<string>()
    const queue = [entry]
    while (queue.length > 0 && seen.size < 500) {
      const file = queue.shift()!
      if (seen.has(file)) continue
      seen.add(file)
      for (const { specifier, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
        if (typeOnly) continue
        if (specifier.startsWith('.')) queue.push(resolveLocal(file, specifier))
        else packages.add(specifier)
      }
    }
    return { modules: [...seen].map(rel).sort(), packages: [...packages].sort() }
  }

  it('needs no Node module at run time: only electron, everything else is bundled from src/', () => {
    const graph = runtimeGraph(join(SRC, 'preload/index.ts'))
    expect(graph.packages).toEqual(['electron'])
    for (const module of graph.modules) expect(module).toMatch(/^src\/(preload|shared)\//)
    expect(graph.modules).toContain('src/shared/ipc-channels.ts')
  })
})
