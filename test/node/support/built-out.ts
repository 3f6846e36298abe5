import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The project's root, and what `npm run build` (electron-vite) builds out/ from. */
export const ROOT = resolve(__dirname, '../../..')
const BUILD_INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json'].map((p) => join(ROOT, p))

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** True when out/ was built from the current sources (as `npm test` does first). */
export function projectOutIsCurrent(): boolean {
  const main = join(ROOT, 'out', 'main', 'index.js')
  return existsSync(main) && statSync(main).mtimeMs >= Math.max(...BUILD_INPUTS.map(newestMtime))
}
