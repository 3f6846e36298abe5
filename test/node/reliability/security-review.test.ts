import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, reliabilityTable } from './support/table'

/*
 * The findings of the attack review, each with the tests that show it fixed. The tests run in
 * this same suite; here each row checks that they still exist, so the table cannot point at a
 * test that is gone. The npm audit row runs the audit itself.
 */

const table = reliabilityTable(__filename, 5, 'Security review findings and their tests')

type Reference = [file: string, test: string]

const FINDINGS: Array<[id: string, finding: string, fix: string, tests: Reference[]]> = [
  [
    'R1',
    'One request (e.g. GET //) crashed a waiting sign-in and the sandbox: new URL(req.url) threw in the request handler',
    'every entry point (SSO listener and relay, sandbox API, sandbox provider) reads the target without throwing, answers 400 for anything that is not a path (absolute-form, authority-form, *, //, broken %-encoding), 400 to CONNECT, and carries on',
    [
      [
        'test/node/reliability/entry-points.test.ts',
        'H19 random request lines, targets, headers and bodies over raw sockets → an answer below 500 (400 for a target that is not a path); nothing crashes and a normal request then works'
      ],
      ['test/node/sso/browser-flow-edges.test.ts', 'ignores other paths, other Host headers, odd targets and bare visits; they change nothing']
    ]
  ],
  [
    'R2',
    'Any request to the redirect path (forged state, no parameters, code twice, a stray error) ended the sign-in',
    'only an answer carrying this sign-in’s state exactly once ends it; anything else gets a 400 page and the listener keeps waiting',
    [
      [
        'test/node/reliability/sso-callback-hostile.test.ts',
        'H18 random answers without exactly one right state, by query, relay post or form post → a 400 and the sign-in keeps waiting; the real answer then signs in'
      ],
      [
        'test/node/reliability/sso-callback-hostile.test.ts',
        'H12 wrong, truncated, extended, re-cased, encoded or empty state → a 400 page, the sign-in keeps waiting and then takes the real answer'
      ],
      ['test/node/sso/browser-sign-in.test.ts', 'an answer with another state is refused with a page, and the sign-in keeps waiting for the real one']
    ]
  ],
  [
    'R3',
    'With a registered http://localhost redirect another process could bind [::1] on the same port and receive the code',
    'the listener binds every loopback address localhost stands for (127.0.0.1, ::1 and what it resolves to) on one port, and fails the attempt if any is taken (docs/sso.md)',
    [
      [
        'test/node/reliability/security-checks.test.ts',
        'S21 binds every address localhost stands for on one port; another program on [::1] at a fixed port fails the attempt before the browser opens'
      ]
    ]
  ],
  [
    'R4',
    'Echoed secrets reached the user: explanation not scrubbed, cut before scrubbing, encoded echoes and short secrets missed, OAuth error_description raw, API key / bearer token / client secret not listed',
    'one scrubber (src/main/engine/errors/scrub-secrets.ts) applied to every error the service returns: every secret of the call, in plain, URL, form, JSON and HTML forms, short ones as whole tokens, after the cut',
    [
      [
        'test/node/reliability/echoed-secrets.test.ts',
        'S20 every secret of the call, echoed in any common encoding at any place of the message, the code or the OAuth error_description, is absent from every field of the outcome'
      ],
      ['test/node/engine/scrub-secrets.test.ts', 'cuts after scrubbing, and a cut never leaves the start of a secret behind']
    ]
  ],
  [
    'R5',
    'Answers were read without a size limit (200 MiB read whole; 600 MiB exhausted memory)',
    'API and OAuth token answers are streamed and cancelled past 1 MiB → response_too_large with the status received; the sandbox’s one body reader answers 413 past its limit and cuts a sender that goes on',
    [
      [
        'test/node/reliability/fault-injection.test.ts',
        'F15 a 200 MiB answer (declared, chunked, or until the connection closes) → response_too_large with the status received, read no further than 1 MiB, memory bounded'
      ],
      [
        'test/node/reliability/fault-injection.test.ts',
        'F16 an OAuth token server answering 200 MiB → response_too_large (token server named), the License API is not called'
      ],
      ['test/node/sandbox/validation.test.ts', 'a sender that streams on far past the limit is answered 413 and then cut off, on every route that reads a body']
    ]
  ],
  [
    'R6',
    'The sandbox provider’s memory store never swept expired entries (about 1.7 KB per unauthenticated /auth visit)',
    'expired entries are swept on writes, and the store is capped (oldest first)',
    [
      [
        'test/node/reliability/load.test.ts',
        'L04 600 unauthenticated /auth visits leave at most the store’s cap behind; a new visit still gets its login page'
      ],
      ['test/node/sandbox/memory-store.test.ts', 'sweeps expired entries on a later write, once the sweep interval has passed']
    ]
  ],
  [
    'R7',
    'Implicit-grant tokens stayed in the browser’s history',
    'the code grant is the default; for the implicit grant the app asks for response_mode=form_post whenever the provider’s discovery offers it (tokens in a POST body, state-checked); the residue of fragment-based vendors is documented (docs/sso.md)',
    [['test/node/sso/browser-sign-in.test.ts', '%s; both the ID token and the access token identify the user']]
  ],
  [
    'R8',
    'Smaller items: openid-client unused; vetExternalUrl let any loopback http: through; the CLI echoed a stray argument',
    'openid-client removed; one rule for opening sign-in pages (https, or http only on the sandbox provider’s origin in sandbox mode) used by the engine and the shell; CLI errors name a position, never the text',
    [
      ['test/node/electron/external-url.test.ts', 'in sandbox mode opens plain http only on the sandbox provider’s own origin'],
      ['test/node/electron/engine-startup.test.ts', 'in sandbox mode the browser may be sent over plain http to the sandbox’s own provider only'],
      ['test/node/cli/cli.test.ts', '%j: the problem is named by its position, the stray text is never echoed (human and --json)']
    ]
  ],
  [
    'R10',
    'Round 3: a sign-in link from the License API that carried a state (state=acme, state=1) kept it, so a page that guessed the loopback port could answer with an attacker’s code (login CSRF) or a forged error',
    'the app always sets its own state (256 bits from the OS random source), removing any the link came with; only an answer with exactly that state, once, ends the sign-in (docs/security.md says why, and what bounds the lack of PKCE)',
    [
      [
        'test/node/reliability/sign-in-state.test.ts',
        'S23 links from the License API with every kind of state: the browser gets one state of the app’s own, and the server’s state (or a guess of it) never ends the sign-in'
      ],
      [
        'test/node/reliability/sign-in-state.test.ts',
        'S25 the CLI against a License API whose sso_url answer carries state=acme: forged answers to the printed port neither end nor steer the sign-in; the real one deactivates'
      ],
      [
        'test/node/sso/browser-flow-edges.test.ts',
        'replaces a state the provider put in the URL with its own, and an answer with the provider’s state ends nothing'
      ]
    ]
  ],
  [
    'R11',
    'Round 3: Base64, Base64url and hex echoes of a secret, another letter case, a prefix or other long fragment, the HMAC signature of the Authorization header, and a request file’s Base64 echoed by the upload endpoint reached the user',
    'the one redaction step (src/main/engine/errors/scrub-secrets.ts) on every error leaving the engine and the CLI: plain, URL-encoded once and twice, Base64/Base64url (whole, or inside longer Base64 at any alignment), hex, any letter case, any fragment of 8+ characters; the request signatures are secrets',
    [
      [
        'test/node/engine/scrub-secrets.test.ts',
        'inside a longer Base64 or Base64url text (a request file’s content), at every byte alignment, with or without padding'
      ],
      ['test/node/engine/scrub-secrets.test.ts', 'any fragment of 8 characters or more of any form (a server that cuts its messages)'],
      [
        'test/node/engine/echoed-secrets.test.ts',
        'an upload endpoint that echoes the request file’s Base64 text shows neither the licence key nor any part of its encoding'
      ],
      [
        'test/node/reliability/outside-text.test.ts',
        'S26 a hostile License API echoes a secret of the call (licence key, password, API key, shared key, the request’s HMAC signature, a request file’s Base64) transformed every way, in its message or an unknown code: human and --json output hold none of it'
      ]
    ]
  ],
  [
    'R12',
    'Round 3: a server message with line breaks, U+2028, bidi or zero-width characters printed the CLI’s own lines (“Deactivated: …”); a request file’s field name with ESC changed the terminal; a 40,000-character name gave a 40,127-character explanation; RLO and U+2066–2069 reached “what it will free” in the window',
    'one display sanitizer (src/shared/display-text.ts) for the CLI, the window and diagnostics: control, bidi, zero-width and line-break characters shown as visible escapes, lengths capped with “…”, outside values in <bdi> in the window, a server’s text only after “Server said:”',
    [
      [
        'test/node/reliability/outside-text.test.ts',
        'S27 property: a License API message or code built to forge lines (line breaks of every kind, ESC and CSI sequences, bidi and zero-width characters, lines copied from a success, 2000 characters) never starts a line of its own, never reaches the terminal raw, and is cut'
      ],
      [
        'test/node/reliability/outside-text.test.ts',
        'S28 request files whose field names and values carry ESC sequences, bidi isolates, U+2028 and 40,000 characters: upload-offline shows them escaped, on their lines, cut'
      ],
      ['test/node/engine/display-text.test.ts', 'property: no hidden character and no line break survive, whatever the text'],
      [
        'test/web/outside-text.test.tsx',
        'what a request file will free: bidi overrides and isolates, zero-width and separators are shown escaped, each value in <bdi>'
      ]
    ]
  ],
  [
    'R13',
    'Round 3: `upload-offline <a FIFO>` blocked for ever and, under npm run cli, survived SIGTERM',
    'user-given paths are read only when they are regular files (stat, non-blocking open, checked again), within 5 s; SIGINT/SIGTERM end every step with code interrupted (exit 130/143) saying whether the request had left; under npm run cli an orphaned CLI stops as on SIGTERM',
    [
      [
        'test/node/reliability/special-files.test.ts',
        'S29 upload-offline and --config given a FIFO with no writer, a link to it, /dev/zero, /dev/null, a socket or a directory end at once with a clear error (npm run cli too)'
      ],
      [
        'test/node/reliability/special-files.test.ts',
        'S30 SIGINT and SIGTERM end the CLI promptly in every step (a request in flight, a password awaited on stdin, through npm run cli), saying what was and was not done'
      ]
    ]
  ],
  [
    'R14',
    'Round 3: a config.json with a UTF-8 byte-order mark stopped the app; an API key containing `",` went into the Authorization header unescaped',
    'the BOM is skipped; API key, shared key, client id and secret must be one word of visible ASCII (the API key without quote, comma or backslash), refused with config_invalid naming the field and the kind of character, never the value',
    [
      ['test/node/engine/config.test.ts', 'accepts a file saved with a UTF-8 byte-order mark (Notepad), and reads the same settings'],
      [
        'test/node/engine/config.test.ts',
        '%s: a bad character anywhere inside is config_invalid naming the variable, with the valid shape and without the value'
      ]
    ]
  ]
]

describe('security review findings', () => {
  it.for(FINDINGS)('%s is fixed, and the tests that show it are in the suite', ([id, finding, fix, tests], context) => {
    const missing = tests.filter(([file, name]) => !readFileSync(join(ROOT, file), 'utf8').includes(`'${name}'`))
    table.record(context, {
      id,
      case: finding,
      expected: `${fix}; shown by ${tests.map(([file, name]) => `${file.split('/').pop()} › “${name}”`).join(', ')}`,
      observed:
        missing.length === 0
          ? `${tests.length === 1 ? 'that test exists' : `those ${tests.length} tests exist`} (run in the same suite)`
          : `missing: ${missing.map(([, n]) => n).join('; ')}`
    })
    expect(missing).toEqual([])
  })

  it(
    'R9 openid-client is gone and npm audit finds no high or critical advisory (or its answer is recorded when the registry does not give one)',
    { timeout: 90_000 },
    async (context) => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>
        devDependencies: Record<string, string>
      }
      const lock = readFileSync(join(ROOT, 'package-lock.json'), 'utf8')
      const audit = await new Promise<string>((resolve) =>
        execFile('npm', ['audit', '--json'], { cwd: ROOT, timeout: 60_000, maxBuffer: 16 * 2 ** 20 }, (_error, stdout) => resolve(stdout))
      )
      let parsed: { metadata?: { vulnerabilities?: Record<string, number> }; statusCode?: number; message?: string } = {}
      try {
        parsed = JSON.parse(audit) as typeof parsed
      } catch {
        parsed = {}
      }
      const counts = parsed.metadata?.vulnerabilities
      const said = counts
        ? `npm audit: ${Object.entries(counts)
            .map(([level, n]) => `${level} ${n}`)
            .join(', ')}`
        : `npm audit got no advisory data: the registry’s audit endpoint answered ${parsed.statusCode ?? 'nothing usable'}${parsed.message ? ` (“${parsed.message.split(' - ')[0]}”)` : ''}`
      table.record(context, {
        id: 'R9',
        case: 'Dependencies: openid-client (unused) and npm audit advisories, run with the suite',
        expected:
          'openid-client in neither package.json nor the lock file; no high or critical advisory where the registry answers the audit, and otherwise its answer recorded here',
        observed: `openid-client ${'openid-client' in pkg.dependencies || 'openid-client' in pkg.devDependencies || lock.includes('node_modules/openid-client') ? 'still present' : 'absent'}; ${said}`
      })
      expect(pkg.dependencies).not.toHaveProperty('openid-client')
      expect(lock).not.toContain('node_modules/openid-client')
      if (counts) expect((counts['high'] ?? 0) + (counts['critical'] ?? 0)).toBe(0)
    }
  )
})
