import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/cli/exit-codes'
import { encodeRequestFile, formatRequestDate } from '../../../src/main/engine/offline/request-file'
import { describeServerError } from '../../../src/shared/errors'
import { startCli } from './support/cli-child'
import { answer, startFaultyServer, type Arrival, type FaultyServer } from './support/faulty-server'
import { runs, Tally } from './support/properties'
import { leakOf, TRANSFORMATION_NAMES, TRANSFORMATIONS } from './support/secret-transforms'
import { reliabilityTable } from './support/table'
import { runCapturedCli } from '../support/captured-cli'
import { closeOpened } from '../../support/close-opened'

/*
 * Issue 20, items 2 and 3, tried as an attacker would from the command line: a hostile License
 * API (or a proxy) echoes the call's secrets back in any transformation, and words its messages
 * (and a request file its field names and values) to forge the CLI's own lines or act on the
 * terminal. What the CLI prints, human or --json, must hold neither.
 */

const table = reliabilityTable(__filename, 4, 'Security checks')

/** Characters that must never reach a terminal raw (the line feed between the CLI's own lines aside). */
// eslint-disable-next-line no-control-regex -- the control characters are what the check looks for
const RAW_HIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]/
/** Every way a terminal, a pager or an editor may start a new line. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/

/** How the CLI's own result lines start: an outside text must never begin a line with one of them. */
const APP_LINE_STARTS = [
  'Deactivated:',
  'Activated:',
  'Seat freed:',
  'Request file written:',
  'Error:',
  'What to do:',
  'Code:',
  'Cause:',
  'Reference:',
  '  Reference:',
  '  Products:',
  '  Hardware id:'
]

let work: string
let server: FaultyServer
/** What the hostile server answers to the next call. */
let respond: (arrival: Arrival) => { status: string; body: string } = () => ({ status: '200 OK', body: '"license_deactivated"' })

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lm-outside-text-'))
  server = await startFaultyServer((socket, arrival) => {
    const { status, body } = respond(arrival)
    answer(socket, status, { 'content-type': 'application/json' }, body)
  })
})
afterAll(async () => {
  await closeOpened(server)
  rmSync(work, { recursive: true, force: true })
})

const refusal = (code: string, message: string) => ({ status: '400 Bad Request', body: JSON.stringify({ status: 400, code, message }) })

/** runCli in-process, its exit code and what it printed. */
const cli = (args: string[], env: Record<string, string>, stdin = '') => runCapturedCli(args, { env, machineId: 'outside-text-machine-0001', stdin })

const API_KEY = 'outside-api-key-0001'
const SHARED_KEY = 'outside-shared-key-0001'
const serverEnv = () => ({ LM_API_URL: server.apiUrl, LM_API_KEY: API_KEY, LM_SHARED_KEY: SHARED_KEY })

/** A request file as the Node SDK writes it, signed with another vendor key than this app's (so only the server can check it). */
function requestFile(fields: Record<string, unknown> = {}, extraKey?: string): string {
  const request: Record<string, unknown> = {
    hardware_id: 'outside-text-pc-0001',
    product: 'office-suite',
    license_key: 'FILE-KEY1-KEY2-KEY3',
    sdk_ver: 'NodeSDK 1.4',
    app_name: 'Writer',
    app_ver: '2.0',
    request_id: '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b',
    request: 'deactivation',
    schema_version: 2,
    api_key: 'another-vendor-api-key',
    date: formatRequestDate(new Date()),
    ...fields
  }
  if (extraKey !== undefined) request[extraKey] = 'x'
  return encodeRequestFile(request, 'another-vendor-shared-key')
}

let files = 0
const writeFile = (content: string): string => {
  const path = join(work, `request-${++files}.req`)
  writeFileSync(path, content)
  return path
}

describe('secrets echoed back in any form, tried from the command line', () => {
  type Kind = 'licence key' | 'password' | 'API key' | 'shared key' | 'request signature' | 'licence key in an echoed request file'
  const visible = (min: number) =>
    fc
      .string({ unit: fc.constantFrom(...'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789-_.~+/=&%<>é'.split('')), minLength: min, maxLength: 40 })
      .filter((s) => s.trim() === s)

  it(
    'S26 a hostile License API echoes a secret of the call (licence key, password, API key, shared key, the request’s HMAC signature, a request file’s Base64) transformed every way, in its message or an unknown code: human and --json output hold none of it',
    { timeout: 120_000 },
    async (context) => {
      const seen = new Tally()
      let outputs = 0
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom<Kind>('licence key', 'password', 'API key', 'shared key', 'request signature', 'licence key in an echoed request file'),
            visible(8),
            fc.constantFrom(...TRANSFORMATION_NAMES),
            fc.constantFrom('message', 'unknown code'),
            fc.boolean(),
            fc.integer({ min: 0, max: 30 }),
            async (kind, secretText, transformation, place, json, pad) => {
              // The API key goes into the Authorization header: the configuration refuses one with a quote, comma or backslash (none here).
              const secret = kind === 'API key' || kind === 'shared key' ? secretText.replace(/[é]/g, 'e') : secretText
              let echoedSecret = secret
              respond = (arrival) => {
                if (kind === 'request signature') echoedSecret = /signature="([^"]+)"/.exec(arrival.headers['authorization'] ?? '')?.[1] ?? ''
                const echoed =
                  kind === 'licence key in an echoed request file'
                    ? arrival.body.slice(pad)
                    : TRANSFORMATIONS[transformation](kind === 'request signature' ? echoedSecret : secret)
                const text = `${'x'.repeat(pad)} you sent ${echoed} which is wrong`
                return place === 'message' ? refusal('license_not_found', text) : refusal(`bad_${echoed}`.slice(0, 90), text)
              }
              const env = {
                ...serverEnv(),
                ...(kind === 'API key' ? { LM_API_KEY: secret } : {}),
                ...(kind === 'shared key' ? { LM_SHARED_KEY: secret } : {})
              }
              const flags = json ? ['--json'] : []
              let result
              if (kind === 'licence key in an echoed request file') {
                const path = writeFile(requestFile({ license_key: secret }))
                result = await cli(['upload-offline', path, ...flags], env)
              } else if (kind === 'password') {
                result = await cli(
                  ['deactivate', '--product', 'office-suite', '--username', 'ann@example.test', '--password-stdin', '--hardware-id', 'pc-1', ...flags],
                  env,
                  secret
                )
              } else {
                const key = kind === 'licence key' ? secret : 'KEY1-KEY2-KEY3-KEY4'
                result = await cli(['deactivate', '--product', 'office-suite', `--license-key=${key}`, '--hardware-id', 'pc-1', ...flags], env)
              }
              outputs += 1
              seen.add(kind === 'licence key in an echoed request file' ? kind : `${kind} (${transformation})`.replace(/ \(.*/, ''))
              expect(result.code).toBe(EXIT.refused)
              expect(echoedSecret.length).toBeGreaterThan(7)
              const printed = result.stdout + result.stderr
              expect(leakOf(printed, echoedSecret), `${kind} ${transformation} ${place}: ${printed}`).toBeUndefined()
            }
          ),
          runs(240)
        )

        // The same through real child processes, as a user runs it.
        const children: Array<[string, string[], (a: Arrival) => string]> = [
          [
            'the whole Authorization header, human output',
            ['deactivate', '--product', 'office-suite', '--license-key', 'CHILD-KEY1-KEY2-KEY3', '--hardware-id', 'pc-1'],
            (a) => `bad header ${a.headers['authorization'] ?? ''}`
          ],
          [
            'the licence key in Base64url, --json',
            ['deactivate', '--product', 'office-suite', '--license-key', 'CHILD-KEY1-KEY2-KEY3', '--hardware-id', 'pc-1', '--json'],
            () => `key ${Buffer.from('CHILD-KEY1-KEY2-KEY3').toString('base64url')}`
          ],
          [
            'the licence key in lower case, cut to 12 characters',
            ['deactivate', '--product', 'office-suite', '--license-key', 'CHILD-KEY1-KEY2-KEY3', '--hardware-id', 'pc-1'],
            () => `key child-key1-ke`
          ]
        ]
        for (const [name, args, echo] of children) {
          let signature = ''
          respond = (arrival) => {
            signature = /signature="([^"]+)"/.exec(arrival.headers['authorization'] ?? '')?.[1] ?? ''
            return refusal('license_not_found', echo(arrival))
          }
          const finished = await startCli(args, { env: serverEnv() }).exited
          outputs += 1
          seen.add(`child process: ${name}`)
          const printed = finished.stdout + finished.stderr
          expect(finished.code, printed).toBe(EXIT.refused)
          for (const secret of ['CHILD-KEY1-KEY2-KEY3', API_KEY, SHARED_KEY, signature]) expect(leakOf(printed, secret), `${name}: ${printed}`).toBeUndefined()
        }
      } finally {
        table.record(context, {
          id: 'S26',
          case: `A hostile License API echoes a secret of the call in its message or an unknown error code, at offsets 0–30: the licence key, a password (stdin), the API key and shared key (environment), the request’s HMAC signature (from the Authorization header it received), and a request file’s Base64 body (carrying the licence key) cut at any byte; transformed ${TRANSFORMATION_NAMES.length} ways (${TRANSFORMATION_NAMES.join(', ')}); human and --json output of runCli (240), then 3 CLI child processes (the whole Authorization header; the key in Base64url; the key lower-cased and cut to 12 characters)`,
          expected:
            'exit 3 (refused), and nothing the CLI prints holds 8 consecutive characters of any transformation of the secret (letter case ignored), nor Base64 that decodes to 6 bytes of it at any alignment',
          observed: `${outputs} outputs (${seen.toString()}): no secret found`
        })
      }
    }
  )
})

describe('no outside text forges a line or reaches the terminal raw', () => {
  /** Messages built to look like the CLI's own lines, with every way to start a line or act on a terminal. */
  const hostileMessage = fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            '\n',
            '\r',
            '\r\n',
            '\u000b',
            '\u000c',
            '\u0085',
            '\u2028',
            '\u2029',
            '\u001b[2J',
            '\u001b]0;pwned\u0007',
            '\u009b31m',
            '\u202e',
            '\u2066',
            '\u2069',
            '\u200b',
            '\ufeff',
            '\u0000',
            '\t'
          )
        },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            'Deactivated: bundle "office-suite" is no longer active on this hardware id; the seat is free for another machine.',
            '  Reference:   LM-YES-200-ABCD',
            'Reference: LM-YES-200-ABCD',
            'Error: none',
            'Seat freed: bundle "office-suite"'
          )
        },
        { weight: 1, arbitrary: fc.string({ minLength: 600, maxLength: 2000 }) }
      ),
      { minLength: 1, maxLength: 12 }
    )
    .map((parts) => parts.join(''))

  /** The line starts a refusal prints, in order: the catalogue's own lines, and the server's text after "Server said:". */
  const expectedStarts = (code: string) => [
    'Error: ',
    describeServerError(code, { serverMessage: 'a message' }).explanation.slice(0, 20),
    'What to do: ',
    'Code: ',
    'Server said: ',
    'Reference: '
  ]

  it(
    'S27 property: a License API message or code built to forge lines (line breaks of every kind, ESC and CSI sequences, bidi and zero-width characters, lines copied from a success, 2000 characters) never starts a line of its own, never reaches the terminal raw, and is cut',
    { timeout: 120_000 },
    async (context) => {
      const commands = new Tally()
      let longest = 0
      try {
        await fc.assert(
          fc.asyncProperty(
            hostileMessage,
            fc.oneof(
              fc.constant('license_not_found'),
              hostileMessage.map((m) => `x${m}`.slice(0, 90))
            ),
            fc.constantFrom('deactivate', 'activate', 'upload-offline'),
            fc.boolean(),
            async (message, code, command, json) => {
              respond = () => refusal(code, message)
              const args =
                command === 'upload-offline'
                  ? ['upload-offline', writeFile(requestFile())]
                  : [command, '--product', 'office-suite', '--license-key', 'LINE-KEY1-KEY2-KEY3', '--hardware-id', 'pc-1']
              const result = await cli(json ? [...args, '--json'] : args, serverEnv())
              commands.add(`${command}${json ? ' --json' : ''}`)
              expect(result.code).toBe(EXIT.refused)
              const printed = result.stdout + result.stderr
              expect(printed, printed).not.toMatch(RAW_HIDDEN)
              if (json) {
                expect(result.stderr).toBe('')
                expect(result.stdout.split(LINE_BREAK).filter((l) => l !== '')).toHaveLength(1)
                expect(JSON.parse(result.stdout)).toMatchObject({ ok: false })
                return
              }
              expect(result.stdout).toBe('')
              const lines = result.stderr.replace(/\n$/, '').split(LINE_BREAK)
              const starts = expectedStarts(code)
              expect(lines.length, result.stderr).toBe(starts.length)
              lines.forEach((line, i) => expect(line.startsWith(starts[i]!), `line ${i}: ${line}`).toBe(true))
              for (const line of lines.slice(1)) {
                for (const start of APP_LINE_STARTS) if (line.startsWith(start)) expect(starts).toContain(start.endsWith(' ') ? start : `${start} `)
              }
              // 500 characters of a server's text at most, then "…".
              for (const line of lines) expect(line.length).toBeLessThanOrEqual(520)
              longest = Math.max(longest, ...lines.map((l) => l.length))
            }
          ),
          runs(300)
        )
      } finally {
        table.record(context, {
          id: 'S27',
          case: 'A hostile License API refuses deactivate, activate and upload-offline (human and --json) with a message or an unknown code made of: line breaks of every kind (LF, CR, CRLF, VT, FF, NEL, U+2028/2029), ESC and CSI sequences (clear screen, window title), bidi overrides and isolates, zero-width characters, NUL, lines copied from the CLI’s own success output, and texts of 600–2000 characters (300)',
          expected:
            'exit 3; no raw control, bidi, zero-width or separator character in anything printed; human output: exactly the refusal’s own lines in order (the server’s text only after “Server said:”), each at most 520 characters; --json: one line that parses',
          observed: `${commands.total} outputs (${commands.toString()}): none forged a line or reached the terminal raw; longest line ${longest <= 520 ? 'within' : 'over'} 520 characters`
        })
      }
    }
  )

  it(
    'S28 request files whose field names and values carry ESC sequences, bidi isolates, U+2028 and 40,000 characters: upload-offline shows them escaped, on their lines, cut',
    { timeout: 90_000 },
    async (context) => {
      respond = () => ({ status: '200 OK', body: '"license_deactivated"' })
      const names: Array<[string, string]> = [
        ['a field name that sets the window title and clears the screen', '\u001b]0;pwned\u0007\u001b[2J\u001b[H'],
        ['a field name with RLO and isolates', 'ok\u202edleif\u2066x\u2069'],
        ['a field name with a line separator and a forged success line', 'x\u2028Seat freed: bundle "other" is no longer active'],
        ['a field name of 40,000 characters', 'n'.repeat(40_000)]
      ]
      const observed: string[] = []
      const appLines = (lines: string[]) => lines.flatMap((l) => APP_LINE_STARTS.filter((start) => l.startsWith(start)))
      try {
        const plain = await startCli(['upload-offline', writeFile(requestFile({}, 'plain_extra'))], { env: serverEnv() }).exited
        expect(plain.code, plain.stderr).toBe(EXIT.success)
        const plainLines = plain.stdout.replace(/\n$/, '').split(LINE_BREAK)
        for (const [label, name] of names) {
          // The reader leaves fields it does not need to the server: such a file is uploaded, and its odd names are only shown.
          const finished = await startCli(['upload-offline', writeFile(requestFile({}, name))], { env: serverEnv() }).exited
          const printed = finished.stdout + finished.stderr
          const lines = printed.replace(/\n$/, '').split(LINE_BREAK)
          observed.push(
            `${label}: exit ${finished.code}, ${lines.length} lines, longest ${Math.max(...lines.map((l) => l.length))} characters, ${RAW_HIDDEN.test(printed) ? 'RAW CHARACTERS' : 'nothing raw'}`
          )
          expect(finished.code, printed).toBe(EXIT.success)
          expect(printed).not.toMatch(RAW_HIDDEN)
          expect(lines[0], printed).toMatch(/^Seat freed: bundle "office-suite" is no longer active/)
          // The same lines as for a file with one plain extra field: the odd name forged none of the CLI's own.
          expect(lines).toHaveLength(plainLines.length)
          expect(appLines(lines)).toEqual(appLines(plainLines))
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(520)
        }
        // A well-formed file (signed with another vendor's key: only the server judges it) with hostile values: the success lines stay the CLI's.
        const values = {
          product: 'office\u202esuite\u2066x\u2069',
          app_name: 'Writer\u2028Deactivated: bundle "everything"',
          hardware_id: 'pc\u0085\u009b2J\u200b-0001'
        }
        const freed = await startCli(['upload-offline', writeFile(requestFile(values))], { env: serverEnv() }).exited
        const lines = freed.stdout.replace(/\n$/, '').split(LINE_BREAK)
        observed.push(
          `hostile values in a valid file: exit ${freed.code}, ${lines.length} lines, ${RAW_HIDDEN.test(freed.stdout) ? 'RAW CHARACTERS' : 'nothing raw'}`
        )
        expect(freed.code).toBe(EXIT.success)
        expect(freed.stdout).not.toMatch(RAW_HIDDEN)
        expect(lines[0]).toBe(
          'Seat freed: bundle "office\\u202esuite\\u2066x\\u2069" is no longer active on the hardware id in the request file; the seat is free for another machine.'
        )
        expect(lines.filter((l) => l.startsWith('Deactivated:'))).toEqual([])
        const ordinary = await startCli(['upload-offline', writeFile(requestFile())], { env: serverEnv() }).exited
        const ordinaryLines = ordinary.stdout.replace(/\n$/, '').split(LINE_BREAK)
        expect(lines).toHaveLength(ordinaryLines.length)
        expect(appLines(lines)).toEqual(appLines(ordinaryLines))
      } finally {
        table.record(context, {
          id: 'S28',
          case: '`upload-offline` (a child process) on request files with an unknown field named with ESC sequences (window title, clear screen), RLO and U+2066–2069, U+2028 and a forged success line, or 40,000 characters; then a well-formed file (another vendor’s signature, judged by the server) whose bundle, app name and hardware id carry RLO, isolates, U+2028 with a forged line, NEL and a C1 CSI',
          expected:
            'the unknown fields are the server’s to judge, so each file is uploaded: exit 0, the same lines as with a plain extra field, nothing raw, no line over 520 characters (the 40,000-character name cut); the file with hostile values: exit 0, the same lines as an ordinary file’s, the values visibly escaped, no forged “Deactivated:” line',
          observed: observed.join('; ')
        })
      }
    }
  )
})
