import { displayText } from '../../../shared/display-text'
import { t } from '../../../shared/i18n/current'
import { describeFileProblem, readRegularFileSync } from '../files/regular-file'
import type { SettingProblem } from '../setting-name'

/*
 * The vendor's logo file. It reaches the window only as a data: URL in an <img> (the CSP allows
 * `img-src 'self' data:`), where an SVG is a picture: its scripts never run, and it loads nothing
 * from anywhere. So the file is not sanitised; it is checked to be what it says, a PNG or an SVG
 * a browser can draw, and small.
 */

/** A logo is a few kilobytes; a bound keeps a wrong file (a photo, a video) out of the window. */
export const MAX_LOGO_BYTES = 256 * 1024
/** Wider or taller PNGs are refused: the header shows the logo 24 pixels high. */
export const MAX_LOGO_PIXELS = 4096

export type LogoMediaType = 'image/png' | 'image/svg+xml'

export interface Logo {
  mediaType: LogoMediaType
  /** `data:<mediaType>;base64,…`, what the window's <img> shows. */
  dataUrl: string
}

/** A refusal's `problem` words a whole sentence about the setting that names the file. */
export type LogoReading = { ok: true; logo: Logo } | { ok: false; problem: SettingProblem }

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'

/** Why a logo is refused, worded when met with the setting that names the file. */
export const LOGO_PROBLEMS = {
  notPngOrSvg: (setting: string) => t('errors.config_invalid.problem.logo-not-image', { setting }),
  pngSize: (setting: string) => t('errors.config_invalid.problem.logo-png-size', { setting, max: MAX_LOGO_PIXELS }),
  notUtf8: (setting: string) => t('errors.config_invalid.problem.logo-svg-not-utf8', { setting }),
  noSvgRoot: (setting: string) => t('errors.config_invalid.problem.logo-svg-no-root', { setting, root: '<svg>' }),
  noNamespace: (setting: string) => t('errors.config_invalid.problem.logo-svg-no-namespace', { setting, root: '<svg>', attribute: `xmlns="${SVG_NAMESPACE}"` }),
  entities: (setting: string) => t('errors.config_invalid.problem.logo-svg-entities', { setting, entity: '<!ENTITY …>' })
} as const satisfies Record<string, SettingProblem>

/** Reads and checks the logo at `path`; the problem names what is wrong, never the file's content. */
export function readLogo(path: string): LogoReading {
  const reading = readRegularFileSync(path, { maxBytes: MAX_LOGO_BYTES })
  if (!reading.ok) {
    const problem = reading
    return { ok: false, problem: (setting) => describeFileProblem(problem, displayText(path, 200), { role: 'logo', setting }, MAX_LOGO_BYTES) }
  }
  const bytes = reading.bytes
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return pngLogo(bytes)
  return svgLogo(bytes)
}

const dataUrl = (mediaType: LogoMediaType, bytes: Buffer): Logo => ({ mediaType, dataUrl: `data:${mediaType};base64,${bytes.toString('base64')}` })

/** A PNG opens with its signature and the IHDR chunk, which holds the width and height. */
function pngLogo(bytes: Buffer): LogoReading {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return { ok: false, problem: LOGO_PROBLEMS.notPngOrSvg }
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  const fits = (n: number) => n >= 1 && n <= MAX_LOGO_PIXELS
  if (!fits(width) || !fits(height)) return { ok: false, problem: LOGO_PROBLEMS.pngSize }
  return { ok: true, logo: dataUrl('image/png', bytes) }
}

/** What may come before the root element: white space, an XML declaration, comments, processing instructions, a DOCTYPE. */
const PROLOGUE_PART = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*>)/i

function svgLogo(bytes: Buffer): LogoReading {
  const start = bytes
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
  if (!/^\s*(?:<\?xml|<!--|<!DOCTYPE|<svg[\s/>])/i.test(start)) return { ok: false, problem: LOGO_PROBLEMS.notPngOrSvg }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return { ok: false, problem: LOGO_PROBLEMS.notUtf8 }
  }
  if (/<!ENTITY/i.test(text) || /<!DOCTYPE[^>]*\[/i.test(text)) return { ok: false, problem: LOGO_PROBLEMS.entities }
  let rest = text
  for (let part = PROLOGUE_PART.exec(rest); part !== null && part[0] !== ''; part = PROLOGUE_PART.exec(rest)) rest = rest.slice(part[0].length)
  const root = /^<svg(?=[\s/>])[^>]*>/.exec(rest)
  if (root === null) return { ok: false, problem: LOGO_PROBLEMS.noSvgRoot }
  if (!/\sxmlns\s*=\s*(["'])http:\/\/www\.w3\.org\/2000\/svg\1/.test(root[0])) return { ok: false, problem: LOGO_PROBLEMS.noNamespace }
  return { ok: true, logo: dataUrl('image/svg+xml', bytes) }
}
