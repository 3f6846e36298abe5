import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import packageJson from '../../../package.json'
import { ROOT } from '../support/built-out'

/*
 * .nvmrc, package.json's engines and CONTRIBUTING's Node table tell one story: Node 22 LTS
 * (22.12 or newer, what Electron's installer declares) runs everything; 20.19 or newer runs
 * the rest, which is the minimum engines names.
 */

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
/** Electron's installer, which `npm start` runs first (its package.json is not exported, so it is read as a file). */
const electronGet = JSON.parse(read('node_modules/@electron/get/package.json')) as { engines: { node: string } }
const minimum = (range: string): string => /^>=\s*(\d+\.\d+)(?:\.0)?$/.exec(range.trim())?.[1] ?? `not a plain ">=" range: ${range}`
const contributingNodeTable = (): string => {
  const text = read('CONTRIBUTING.md')
  return text.slice(text.indexOf('## Node versions'), text.indexOf('\n## ', text.indexOf('## Node versions') + 1))
}

describe('Node versions', () => {
  it('engines names the minimum that builds and tests run on, and CONTRIBUTING’s table says the same', () => {
    expect(minimum(packageJson.engines.node)).toBe('20.19')
    expect(contributingNodeTable()).toContain(`| ≥ ${minimum(packageJson.engines.node)} |`)
  })

  it('the first `npm start` needs what Electron’s installer (@electron/get) declares, and the table says so', () => {
    const installer = minimum(electronGet.engines.node)
    expect(contributingNodeTable()).toMatch(new RegExp(`\\| \\*\\*≥ ${installer.replace('.', '\\.')}\\*\\* \\(22 LTS or newer\\) \\|`))
    expect(read('scripts/ensure-electron.mjs')).toContain(`const INSTALLER_NODE = [${installer.replace('.', ', ')}]`)
  })

  it('.nvmrc names Node 22, whose current releases satisfy the installer, and which the table names', () => {
    const nvmrc = read('.nvmrc').trim()
    expect(nvmrc).toBe('22')
    expect(minimum(electronGet.engines.node).split('.')[0]).toBe(nvmrc)
    expect(contributingNodeTable()).toContain('`.nvmrc` names Node 22 LTS')
  })
})
