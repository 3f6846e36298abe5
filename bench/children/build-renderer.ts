/**
 * Builds only the renderer, with exactly the settings `npm run build` uses for it
 * (electron-vite resolves electron.vite.config.ts), into the directory given as
 * argv[2]. The bench's fallback when the full build fails for main/preload
 * reasons; with `--minify`, the "what if the renderer were minified" build.
 * Runs in its own process: electron-vite sets process.env.NODE_ENV.
 */
import { resolveConfig } from 'electron-vite'
import { build } from 'vite'

async function main(): Promise<void> {
  const outDir = process.argv[2]
  if (!outDir) throw new Error('usage: build-renderer.ts <outDir>')
  const resolved = await resolveConfig({}, 'build', 'production')
  const renderer = resolved.config?.renderer
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer section')
  renderer.build = { ...renderer.build, outDir, emptyOutDir: true }
  if (process.argv.includes('--minify')) renderer.build.minify = true
  if (process.argv.includes('--sourcemap')) renderer.build.sourcemap = true
  renderer.logLevel = 'warn'
  await build(renderer)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
