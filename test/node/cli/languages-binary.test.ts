import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { translatorFromFiles } from '../../../src/shared/i18n/node-tables'

const ROOT = resolve(__dirname, '../../..')

/** `license-manager …` as installed (bin/license-manager.cjs), with only the given locale variables set. */
async function licenseManager(args: string[], locale: Record<string, string>) {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LM_') && !k.startsWith('LC_') && k !== 'LANG' && k !== 'LANGUAGE') env[k] = v
  return promisify(execFile)('node', ['bin/license-manager.cjs', ...args], { cwd: ROOT, env: { ...env, ...locale }, timeout: 30_000 })
}

describe('the installed command speaks the language of the terminal', () => {
  it('LANG=de_DE.UTF-8 license-manager --help is German', async () => {
    const german = translatorFromFiles('de', ['cli'])
    const { stdout } = await licenseManager(['--help'], { LANG: 'de_DE.UTF-8' })
    const lines = stdout.split('\n')
    expect(lines[0]).toBe(german.t('cli.help.title', { product: 'License Manager' }))
    expect(lines[2]).toBe(german.t('cli.help.usage'))
    expect(lines).toContain(german.t('cli.help.options.heading'))
    expect(lines).toContain(german.t('cli.help.exit.heading'))
  })

  it('LANG=de_DE.UTF-8 license-manager … --json is English JSON', async () => {
    const { stdout } = await licenseManager(['explain', 'LM-DNF-400-7K3Q', '--json'], { LANG: 'de_DE.UTF-8' })
    const english = await licenseManager(['explain', 'LM-DNF-400-7K3Q', '--json'], {})
    expect(stdout).toBe(english.stdout)
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, value: { id: 'device_not_found' } })
  })
})
