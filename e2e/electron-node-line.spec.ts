import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ElectronApp } from './fixtures/electron-app'
import { test, expect } from './fixtures/test'

/** The Node version the main-process suites also run on (`npm run test:electron-node`), pinned in .ci/electron-node.json. */
const PIN = JSON.parse(readFileSync(resolve(__dirname, '../.ci/electron-node.json'), 'utf8')) as { electron: string; node: string }

test.skip(({ appKind }) => appKind !== 'electron', 'Electron only: reads the real app’s process.versions')

test('the app runs on the Electron and Node versions the Node-24 test tier is pinned to', async ({ app }, testInfo) => {
  const versions = await (app as ElectronApp).electronApp.evaluate(() => ({
    electron: process.versions.electron,
    node: process.versions.node,
    chrome: process.versions.chrome
  }))
  testInfo.annotations.push({ type: 'versions', description: `Electron ${versions.electron}, Node ${versions.node}, Chromium ${versions.chrome}` })
  expect(versions.electron, 'Electron version of the app under test (package-lock.json), as pinned in .ci/electron-node.json').toBe(PIN.electron)
  expect(versions.node, `Electron ${versions.electron}'s Node: update "node" in .ci/electron-node.json so the Node tier tests the same line`).toBe(PIN.node)
})
