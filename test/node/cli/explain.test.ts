import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/cli/exit-codes'
import { runCli, type CliIo } from '../../../src/cli/run'
import { ERROR_CATALOGUE } from '../../../src/shared/errors'
import { HELPDESK_WORDS } from '../../../src/shared/errors/helpdesk-words'
import { HELPDESK_ENTRIES, type HelpdeskEntry } from '../../../src/shared/helpdesk/helpdesk-entries'
import { makeReference, type ReferenceSubject } from '../../../src/shared/helpdesk/reference'
import { HELPDESK_LABELS, labelled, REFERENCE_PROBLEMS } from '../../../src/shared/helpdesk/helpdesk-words'
import { setTranslator } from '../../../src/shared/i18n/current'
import { loadTranslator } from '../../../src/shared/i18n/load-translator'

/** The CLI in-process, with nothing configured: `explain` needs no server, no keys, no network. */
function harness() {
  const out = { stdout: '', stderr: '' }
  const io: CliIo = {
    env: {},
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    readStdin: async () => '',
    fetch: () => Promise.reject(new Error('explain must not use the network')),
    openExternal: () => Promise.reject(new Error('explain must not open a browser')),
    onInterrupt: () => () => undefined
  }
  return { io, out }
}

/** A reference the app would print for this entry. */
function referenceFor(entry: HelpdeskEntry): string {
  const subject: ReferenceSubject =
    entry.meaning.kind === 'success'
      ? { success: 'server' }
      : entry.meaning.kind === 'unknown-server-code'
        ? { code: 'a_code_this_app_does_not_know', status: 409 }
        : { code: entry.meaning.code, status: ERROR_CATALOGUE[entry.meaning.code].status }
  return makeReference(subject)
}

describe('license-manager explain <reference>', () => {
  it('decodes every result’s reference to exactly that result, offline, with what to say and check (--json)', async () => {
    for (const entry of HELPDESK_ENTRIES) {
      const reference = referenceFor(entry)
      const h = harness()
      expect(await runCli(['explain', reference, '--json'], h.io), reference).toBe(EXIT.success)
      const json = JSON.parse(h.out.stdout) as { ok: boolean; value: { id: string; reference: string; title: string; helpdesk: object } }
      expect(json.ok).toBe(true)
      expect(json.value.id, reference).toBe(entry.id)
      expect(json.value.reference).toBe(reference)
      expect(json.value.title).toBe(entry.title)
      expect(json.value.helpdesk).toEqual(entry.helpdesk)
      // Exactly one result has these letters.
      expect(HELPDESK_ENTRIES.filter((e) => e.mnemonic === reference.split('-')[1])).toEqual([entry])
    }
  })

  it('prints, for a person, the error, what it means, what to say, what to check and the next step', async () => {
    const h = harness()
    expect(await runCli(['explain', 'lm dnf 4oo 7k3q'], h.io)).toBe(EXIT.success)
    const entry = ERROR_CATALOGUE.device_not_found
    const words = HELPDESK_WORDS.device_not_found
    const text = h.out.stdout.replace(/\s+/g, ' ')
    expect(h.out.stdout).toMatch(/^Reference: LM-DNF-400-7K3Q\nError code: device_not_found\nStatus: 400: the licence server answered with HTTP 400\n/)
    for (const expected of [entry.title, entry.explanation, words.say, words.check, words.next, entry.commandLineAction]) expect(text).toContain(expected)
    expect(h.out.stdout).toContain('docs/helpdesk/errors.md#device_not_found')
    expect(h.out.stderr).toBe('')
  })

  it('says what the status part means: the server’s status, no answer, or this PC', async () => {
    const cases: Array<[string, string]> = [
      ['LM-CNX-000-7K3Q', 'Status: 000: a server was asked and no answer came back'],
      ['LM-YES-PC-7K3Q', 'Status: PC: no licence server was asked to change anything'],
      ['LM-YES-200-7K3Q', 'Status: 200: the licence server answered with HTTP 200'],
      ['BAN', 'Status: not given']
    ]
    for (const [reference, line] of cases) {
      const h = harness()
      expect(await runCli(['explain', reference], h.io)).toBe(EXIT.success)
      expect(h.out.stdout).toContain(line)
    }
  })

  it('exits 2 on what is not a reference of this app, saying why, and never quotes more than the letters', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['explain'], /This is not a License Manager reference/],
      [['explain', 'my-password-123'], /This is not a License Manager reference/],
      [['explain', 'LM-ZZZZ-400-7K3Q'], /No License Manager result has the letters ZZZZ/],
      [
        ['explain', 'LM-DNF-PC-7K3Q'],
        /The letters DNF stand for “This PC is not activated on that licence”, whose reference carries the server’s HTTP status or 000, never PC/
      ],
      [['explain', 'LM-DNF-400-7K3Q', 'extra'], /Unexpected argument at position 3/]
    ]
    for (const [args, message] of cases) {
      const h = harness()
      expect(await runCli(args, h.io), args.join(' ')).toBe(EXIT.invalid)
      expect(h.out.stderr).toMatch(message)
      expect(h.out.stderr).not.toContain('my-password-123')
      expect(h.out.stdout).toBe('')
    }
    const json = harness()
    expect(await runCli(['explain', 'nonsense', '--json'], json.io)).toBe(EXIT.invalid)
    expect(JSON.parse(json.out.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reference' } })
  })

  it('speaks the language asked for: explain --lang de prints German, --json stays English', async () => {
    const english = { say: HELPDESK_WORDS.device_not_found.say, label: labelled(HELPDESK_LABELS.say) }
    const h = harness()
    expect(await runCli(['explain', '--lang', 'de', 'LM-DNF-400-7K3Q'], h.io)).toBe(EXIT.success)
    setTranslator(await loadTranslator('de', ['common', 'errors', 'helpdesk']))
    const german = { say: HELPDESK_WORDS.device_not_found.say, check: HELPDESK_WORDS.device_not_found.check, label: labelled(HELPDESK_LABELS.say) }
    expect(german.say).not.toBe(english.say)
    expect(german.label).not.toBe(english.label)
    const text = h.out.stdout.replace(/\s+/g, ' ')
    expect(h.out.stdout).toContain(`\n${german.label}\n`)
    for (const expected of [german.say, german.check]) expect(text).toContain(expected)
    expect(text).not.toContain(english.say)
    expect(h.out.stdout).toContain('docs/helpdesk/de/errors.md#device_not_found')
    // The same reference in LANG=de_DE.UTF-8 reads the same; --json is English whatever the language.
    const posix = harness()
    posix.io.env = { LANG: 'de_DE.UTF-8' }
    expect(await runCli(['explain', 'LM-DNF-400-7K3Q'], posix.io)).toBe(EXIT.success)
    expect(posix.out.stdout).toBe(h.out.stdout)
    const json = harness()
    json.io.env = { LANG: 'de_DE.UTF-8' }
    expect(await runCli(['explain', '--lang', 'de', 'LM-DNF-400-7K3Q', '--json'], json.io)).toBe(EXIT.success)
    const value = (JSON.parse(json.out.stdout) as { value: { helpdesk: { say: string }; guide: string } }).value
    expect(value.helpdesk.say).toBe(english.say)
    expect(value.guide).toBe('docs/helpdesk/errors.md#device_not_found')
    // A reference that does not fit is refused in German too.
    const refused = harness()
    expect(await runCli(['explain', '--lang', 'de', 'LM-DNF-PC-7K3Q'], refused.io)).toBe(EXIT.invalid)
    setTranslator(await loadTranslator('de', ['common', 'errors', 'helpdesk']))
    const why = REFERENCE_PROBLEMS.statusDoesNotFit('DNF', ERROR_CATALOGUE.device_not_found.title, 'server')
    expect(why).toMatch(/^Die Buchstaben DNF/)
    expect(refused.out.stderr).toContain(why)
  })

  it('wraps Japanese, written without spaces, between its words at the terminal’s width', async () => {
    const h = harness()
    expect(await runCli(['explain', '--lang', 'ja', 'LM-DNF-400-7K3Q'], h.io)).toBe(EXIT.success)
    setTranslator(await loadTranslator('ja', ['common', 'errors', 'helpdesk']))
    const check = HELPDESK_WORDS.device_not_found.check
    const lines = h.out.stdout.split('\n')
    // Wide characters take two columns; closing punctuation may hang past the edge, as Japanese sets it.
    const columns = (line: string) => line.length + (line.match(/[\u3000-\u9fff\uff00-\uff60]/g)?.length ?? 0)
    expect(lines.filter((line) => columns(line.replace(/[、。）」』]+$/, '')) > 96)).toEqual([])
    const start = lines.indexOf(labelled(HELPDESK_LABELS.check))
    const paragraph = lines.slice(start + 1, lines.indexOf('', start))
    expect(paragraph.length).toBeGreaterThan(1)
    // Nothing lost or moved: the lines are the words, broken only where a line was full.
    expect(paragraph.join('').replace(/\s/g, '')).toBe(check.replace(/\s/g, ''))
  })
})
