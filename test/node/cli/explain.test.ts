import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/cli/exit-codes'
import { runCli, type CliIo } from '../../../src/cli/run'
import { ERROR_CATALOGUE } from '../../../src/shared/errors'
import { HELPDESK_WORDS } from '../../../src/shared/errors/helpdesk-words'
import { HELPDESK_ENTRIES, type HelpdeskEntry } from '../../../src/shared/helpdesk/helpdesk-entries'
import { makeReference, type ReferenceSubject } from '../../../src/shared/helpdesk/reference'

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
})
