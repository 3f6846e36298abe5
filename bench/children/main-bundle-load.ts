/**
 * Run in a fresh process (`node --import tsx`): how long the built main process
 * (out/main/index.js, given as argv[2]) takes to load in Node with a stand-in
 * `electron` module, and until it has opened its window (configuration read,
 * engine created; a configured server, so no sandbox). The stand-in and its
 * net.fetch are loaded before the clock starts.
 */
import { performance } from 'node:perf_hooks'
import { createNetFetchStandIn } from '../../test/node/electron/support/electron-net-fetch'
import { createElectronStandIn, loadWithElectronStandIn } from '../../test/node/electron/support/electron-stand-in'

async function main(): Promise<void> {
  const bundle = process.argv[2]
  if (!bundle) throw new Error('usage: main-bundle-load.ts <out/main/index.js>')
  Object.assign(process.env, { LM_API_URL: 'http://127.0.0.1:8790/api/v4/', LM_API_KEY: 'bench-api-key', LM_SHARED_KEY: 'bench-shared-key' })
  const electron = createElectronStandIn({ netFetch: createNetFetchStandIn().fetch })
  const t0 = performance.now()
  loadWithElectronStandIn(bundle, electron)
  const t1 = performance.now()
  await electron.started
  const t2 = performance.now()
  // Nothing the bundle started needs a clean stop (no sandbox): leave once the figures are out.
  process.send?.({ type: 'result', mainBundleRequireMs: t1 - t0, mainBundleWindowMs: t2 - t0 }, () => process.exit(0))
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  process.exitCode = 1
})
