import fc from 'fast-check'

/**
 * fast-check settings shared by the reliability properties. A fixed seed keeps the runs (and
 * the table they write) reproducible; FC_SEED=<n> explores other inputs.
 */
export const FC_SEED = process.env.FC_SEED !== undefined && process.env.FC_SEED !== '' ? Number(process.env.FC_SEED) : 20_250_607

export const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: FC_SEED, endOnFailure: true })

/** One character an HTTP header value may carry (what Node's client lets through). */
export const headerChar = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\u00e9', '\u00ff', '\u0080') }
)

export const headerText = (maxLength: number) => fc.string({ unit: headerChar, maxLength })

/** Strings chosen to break parsers: markup, quotes, control and format characters, lookalikes. */
export const nastyText = fc.constantFrom(
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\u001b[31m',
  '\u202e',
  '\ufeff',
  '\ud800',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  '../../etc/passwd',
  '%00%0d%0a',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'ＯＦＦＩＣＥ',
  'x'.repeat(5000)
)

/** Mostly text (plain, full Unicode, nasty), sometimes another JSON type. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 3, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }) }
)

/** One of the characters of `text` (as a reader counts them), each as likely. */
export const charOf = (text: string) => fc.constantFrom(...Array.from(new Intl.Segmenter().segment(text), ({ segment }) => segment))

/** Lower-case hex of a fixed length: seeded secrets that nothing else in a message can look like. */
export const hexSecret = (length: number) => fc.string({ unit: charOf('0123456789abcdef'), minLength: length, maxLength: length })

/** Counts values, for the table: "a 3, b 1" in name order. */
export class Tally {
  private readonly counts = new Map<string, number>()
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0
  }
  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0)
  }
  keys(): string[] {
    return [...this.counts.keys()].sort()
  }
  toString(): string {
    return this.keys()
      .map((k) => `${k} ${this.counts.get(k)}`)
      .join(', ')
  }
}
