import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * Looks for secrets in everything a run wrote: console output, child-process output, returned
 * outcomes, pages, files. A secret counts as found in its raw form and in the encodings it could
 * travel in (URL, form, JSON, HTML, Base64, hex).
 */

export interface Secret {
  /** What it is, e.g. "shared key of sandbox-api-key"; never the value. */
  label: string
  value: string
}

export interface Capture {
  /** Where the text came from, e.g. "cli --json stdout (wrong password)". */
  where: string
  text: string
}

export interface Finding {
  label: string
  where: string
  form: string
}

const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** The forms a secret may take on the way out; each distinct and long enough not to match by chance. */
export function secretForms(value: string): Array<{ form: string; text: string }> {
  const forms = [
    { form: 'raw', text: value },
    { form: 'url-encoded', text: encodeURIComponent(value) },
    { form: 'form-encoded', text: new URLSearchParams({ x: value }).toString().slice(2) },
    { form: 'JSON-escaped', text: JSON.stringify(value).slice(1, -1) },
    { form: 'HTML-escaped', text: htmlEscape(value) },
    { form: 'base64', text: Buffer.from(value).toString('base64').replace(/=+$/, '') },
    { form: 'base64url', text: Buffer.from(value).toString('base64url') },
    { form: 'hex', text: Buffer.from(value).toString('hex') }
  ]
  const seen = new Set<string>()
  return forms.filter((f) => f.text.length >= 8 && !seen.has(f.text) && (seen.add(f.text), true))
}

export function scan(captures: readonly Capture[], secrets: readonly Secret[]): Finding[] {
  const findings: Finding[] = []
  for (const secret of secrets) {
    const forms = secretForms(secret.value)
    for (const capture of captures) {
      const hit = forms.find((f) => capture.text.includes(f.text))
      if (hit) findings.push({ label: secret.label, where: capture.where, form: hit.form })
    }
  }
  return findings
}

/** Every regular file under `dir` as a capture (binary files too, read as latin1 so bytes survive). */
export function filesUnder(dir: string, skip: (path: string) => boolean = () => false): Capture[] {
  const out: Capture[] = []
  const walk = (current: string, depth: number) => {
    if (depth > 12) return
    for (const name of readdirSync(current)) {
      const path = join(current, name)
      if (skip(path)) continue
      const stat = statSync(path)
      if (stat.isDirectory()) walk(path, depth + 1)
      else if (stat.isFile() && stat.size < 16 * 1024 * 1024)
        out.push({ where: `file ${relative(dir, path)}`, text: readFileSync(path, 'latin1') + readFileSync(path, 'utf8') })
    }
  }
  walk(dir, 0)
  return out
}
