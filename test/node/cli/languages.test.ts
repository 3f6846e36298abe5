import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/cli/exit-codes'
import { translatorFromFiles } from '../../../src/cli/message-files'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import type { MessageKey } from '../../../src/shared/i18n/current'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../src/shared/i18n/languages'
import { ENGLISH } from '../../../src/shared/i18n/english'
import type { ArgsOf, Translator } from '../../../src/shared/i18n/translator'
import { closeOpened } from '../../support/close-opened'
import { runCapturedCli } from '../support/captured-cli'

let sandbox: RunningSandbox
let folder: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, sso: false })
  folder = mkdtempSync(join(tmpdir(), 'lm-cli-languages-'))
})
afterAll(async () => {
  await closeOpened(sandbox)
  rmSync(folder, { recursive: true, force: true })
})

const speaking = (language: Language): Translator => translatorFromFiles(language, ['common', 'errors', 'cli', 'pages'])

const run = (argv: string[], env: Record<string, string> = {}) =>
  runCapturedCli(argv, { env: { LM_API_URL: sandbox.apiUrl, LM_API_KEY: sandbox.apiKey, LM_SHARED_KEY: sandbox.sharedKey, ...env }, machineId: 'sandbox-pc-1' })

/** What a message says before the value marked `\u0000`: the label a line of output starts with. */
const opening = <K extends MessageKey>(translator: Translator, key: K, ...values: ArgsOf<K>): string => translator.t(key, ...values).split(MARK)[0]!
const MARK = '\u0000'
const CODE_LINE = { code: MARK, http: 'none', kind: 'none', name: '' }

/** The help's own messages (not the usage lines, which are typed as they are in every language). */
const HELP_KEYS = Object.keys(ENGLISH).filter(
  (key): key is MessageKey => key.startsWith('cli.help.') && key !== 'cli.help.title' && key !== 'cli.help.options.lang'
)

describe('the command line’s language', () => {
  it('LANG=de_DE.UTF-8 --help speaks German: every heading and explanation, and --lang with the languages it takes', async () => {
    const { code, stdout } = await run(['--help'], { LANG: 'de_DE.UTF-8' })
    expect(code).toBe(EXIT.success)
    const german = speaking('de')
    const english = speaking('en')
    expect(stdout.startsWith(`${german.t('cli.help.title', { product: 'License Manager' })}\n`)).toBe(true)
    for (const key of HELP_KEYS) {
      const first = german.t(key as never).split('\n')[0]!
      expect(stdout, key).toContain(first)
      expect(first, `${key} is German, not English`).not.toBe(english.t(key as never).split('\n')[0])
    }
    const langRow = stdout.split('\n').findIndex((line) => line.startsWith('  --lang <language>'))
    expect(langRow).toBeGreaterThan(0)
    const languagesLine = stdout.split('\n')[langRow + 1]!
    for (const language of LANGUAGES) expect(languagesLine).toContain(`${language} (${LANGUAGE_NAMES[language]})`)
  })

  it('chooses --lang, then LC_ALL, LC_MESSAGES and LANG; C and a language it does not speak are English', async () => {
    const usage = (language: Language) => speaking(language).t('cli.help.usage')
    const said = async (argv: string[], env: Record<string, string>) => (await run(argv, env)).stdout.split('\n')[2]
    expect(await said(['--help', '--lang', 'ja'], { LC_ALL: 'fr_FR.UTF-8' })).toBe(usage('ja'))
    expect(await said(['--help'], { LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'de_DE.UTF-8', LANG: 'es_ES.UTF-8' })).toBe(usage('fr'))
    expect(await said(['--help'], { LC_MESSAGES: 'es_MX.UTF-8', LANG: 'de_DE.UTF-8' })).toBe(usage('es'))
    expect(await said(['--help'], { LANG: 'C' })).toBe(usage('en'))
    expect(await said(['--help'], { LANG: 'pt_BR.UTF-8' })).toBe(usage('en'))
  })

  it('--lang takes a region of a language it speaks (de-AT); one it does not speak is refused naming the choices, never the value typed', async () => {
    expect((await run(['--help', '--lang', 'de-AT'])).stdout.split('\n')[2]).toBe(speaking('de').t('cli.help.usage'))
    const refused = await run(['status', '--lang=xx-secret'], { LANG: 'fr_FR.UTF-8' })
    expect(refused.code).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain(speaking('fr').t('cli.problem.unknown-language', { languages: 'X' }).split('X')[0]!)
    expect(refused.stderr).toContain('ja (日本語)')
    expect(refused.stderr).not.toContain('xx-secret')
  })

  it('an error from the sandbox with --lang fr is told with the command line’s French words; its exit code is the English one’s', async () => {
    const argv = ['deactivate', '--product', 'office-suite', '--license-key', 'NO-SUCH-KEY-0000']
    const french = await run([...argv, '--lang', 'fr'])
    const english = await run(argv)
    expect(english.code).toBe(EXIT.refused)
    expect(french.code).toBe(english.code)
    const fr = speaking('fr')
    const lines = french.stderr.trimEnd().split('\n')
    expect(lines[0]!.startsWith(opening(fr, 'cli.error.title', { title: MARK }))).toBe(true)
    expect(lines.some((line) => line.startsWith(opening(fr, 'cli.error.what-to-do', { action: MARK })))).toBe(true)
    expect(lines.some((line) => line.startsWith(opening(fr, 'cli.error.code', CODE_LINE)))).toBe(true)
    expect(lines.at(-1)).toMatch(new RegExp(`^${opening(fr, 'cli.error.reference', { reference: MARK })}LM-[A-Z]{3,4}-[0-9A-Z]{2,3}-[0-9A-Z]{4}$`))
    expect(opening(fr, 'cli.error.what-to-do', { action: MARK })).not.toBe(opening(speaking('en'), 'cli.error.what-to-do', { action: MARK }))
  })

  it('a success says its facts under French labels, lined up, with the date in French', async () => {
    const seat = ['--product', 'office-suite', '--license-key', 'OFFICE-1111-FREE-SEAT', '--lang', 'fr']
    expect((await run(['activate', ...seat])).code).toBe(EXIT.success)
    const { code, stdout } = await run(['deactivate', ...seat])
    expect(code).toBe(EXIT.success)
    const fr = speaking('fr')
    expect(stdout.split('\n')[0]).toBe(fr.t('cli.output.deactivated', { bundle: 'office-suite' }))
    const labels = ['cli.label.products', 'cli.label.hardware-id', 'cli.label.method', 'cli.label.server', 'cli.label.at', 'cli.label.reference'] as const
    const labelled = labels.map((label) => stdout.split('\n').find((line) => line.startsWith(`  ${fr.t(label)} `)))
    expect(labelled).not.toContain(undefined)
    // Each value starts in the same column, however long its French label.
    expect(new Set(labelled.map((line) => /^ {2}\S.*?: +/.exec(line ?? '')?.[0].length)).size).toBe(1)
    const at = labelled[labels.indexOf('cli.label.at')]!
    expect(at).toMatch(/\d{4}/)
    expect(at).toMatch(/janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\./)
  })
})

describe('what is language-neutral stays so', () => {
  /** The reference's ticket part is new on every run; everything else must be the same byte for byte. */
  const sameRun = (stdout: string) => stdout.replace(/("reference":"LM-[A-Z]{3,4}-[0-9A-Z]{2,3})-[0-9A-Z]{4}"/g, '$1-····"')

  it.each([
    ['hardware-id', ['hardware-id', '--json']],
    ['explain', ['explain', 'LM-DNF-400-7K3Q', '--json']],
    ['a refusal by the sandbox', ['deactivate', '--product', 'office-suite', '--license-key', 'NO-SUCH-KEY-0000', '--json']],
    ['invalid input', ['status', '--username', 'ann', '--json']],
    ['an unknown option', ['status', '--licence-key', 'K', '--json']],
    ['a missing request file', ['upload-offline', join(tmpdir(), 'lm-no-such-file.req'), '--json']]
  ])('--json (%s) is byte-identical with --lang de, LANG=ja_JP.UTF-8 and in English, with the same exit code', async (_, argv) => {
    const english = await run(argv)
    const german = await run([...argv, '--lang', 'de'])
    const japanese = await run(argv, { LANG: 'ja_JP.UTF-8' })
    expect(english.stdout).toMatch(/^\{.*\}\n$/)
    expect(sameRun(german.stdout)).toBe(sameRun(english.stdout))
    expect(sameRun(japanese.stdout)).toBe(sameRun(english.stdout))
    expect([german.code, japanese.code]).toEqual([english.code, english.code])
    expect(german.stderr + japanese.stderr).toBe(english.stderr + english.stderr)
  })

  it('the log file says the same whatever language the run speaks (but for its time, duration and ticket)', async () => {
    const logOf = async (name: string, extra: string[]) => {
      const path = join(folder, `${name}.log`)
      await run(['deactivate', '--product', 'office-suite', '--license-key', 'NO-SUCH-KEY-0000', '--log-file', path, ...extra])
      return readFileSync(path, 'utf8')
        .replace(/^\S+Z /gm, '<time> ')
        .replace(/durationMs=\d+/g, 'durationMs=<n>')
        .replace(/(reference=LM-[A-Z]{3,4}-[0-9A-Z]{2,3})-[0-9A-Z]{4}/g, '$1-····')
    }
    const english = await logOf('en', [])
    expect(english).toContain('reference=LM-')
    expect(await logOf('de', ['--lang', 'de'])).toBe(english)
    expect(await logOf('ja', ['--lang', 'ja'])).toBe(english)
  })
})
