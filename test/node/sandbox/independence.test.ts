import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The sandbox is the app's twin: it reads the vendor's formats with its own code, so the two
 * cannot share a mistake. Nothing it loads — directly or through another module — is one of the
 * app's parsers (src/main/engine/offline, errors, auth); the plumbing both need lives in src/common.
 */
const ROOT = resolve(__dirname, '../../..')
const rel = (file: string) => relative(ROOT, file).split(sep).join('/')
const FORBIDDEN = ['src/main/engine/offline/', 'src/main/engine/errors/', 'src/main/engine/auth/']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

/** Local modules a file imports at run time or for types (import, export … from, import()). */
function localImports(file: string): string[] {
  const code = readFileSync(file, 'utf8')
  const specifiers = [
    ...[...code.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
    ...[...code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!)
  ]
  return specifiers
    .filter((s) => s.startsWith('.') && !s.endsWith('.json'))
    .map((s) => {
      const base = resolve(dirname(file), s)
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p))
      if (!found) throw new Error(`${rel(file)} imports ${s}, which does not resolve`)
      return found
    })
}

/** Every module reachable from `entries`, with the path by which it was first reached. */
function reachable(entries: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>(entries.map((e) => [e, [rel(e)]]))
  const queue = [...entries]
  while (queue.length > 0) {
    const file = queue.shift()!
    for (const next of localImports(file)) {
      if (seen.has(next)) continue
      seen.set(next, [...seen.get(file)!, rel(next)])
      queue.push(next)
    }
  }
  return seen
}

describe('the sandbox reads the vendor’s formats with its own code', () => {
  const graph = reachable(sourceFiles(join(ROOT, 'src/sandbox')))

  it('no module it loads, directly or not, is one of the app’s parsers', () => {
    const offending = [...graph].filter(([file]) => FORBIDDEN.some((dir) => rel(file).startsWith(dir))).map(([, path]) => path.join(' → '))
    expect(offending).toEqual([])
  })

  it('the scan is real: it follows the sandbox into src/common and src/shared', () => {
    const files = [...graph.keys()].map(rel)
    expect(files).toContain('src/sandbox/offline/request-file-decoder.ts')
    expect(files).toContain('src/common/http/listen.ts')
    expect(files).toContain('src/shared/errors/catalogue.ts')
  })

  it('the app’s offline module would be caught were it imported', () => {
    const app = reachable([join(ROOT, 'src/main/engine/offline/offline-requests.ts')])
    expect([...app.keys()].map(rel).filter((f) => FORBIDDEN.some((dir) => f.startsWith(dir)))).toContain('src/main/engine/offline/request-file.ts')
  })
})
