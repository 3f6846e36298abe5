import { AA_NON_TEXT, contrastRatio, formatRatio, parseHexColour, toHex, type Rgb } from '../../../shared/brand/colour-contrast'
import { COLOUR_SCHEMES, THEME, type ColourScheme } from '../../../shared/brand/theme'
import { t } from '../../../shared/i18n/current'
import type { SettingProblem } from '../setting-name'

/*
 * The vendor's accent replaces the app's in the window (src/renderer/src/styles.css): the fill
 * of the main buttons, the mark of the current task, the outline of a hovered button, the
 * spinner. Each of those is a part of a control, so the accent must stand out from the theme's
 * page and card backgrounds by WCAG 2.1 AA's 3:1 for non-text contrast (1.4.11). It is never
 * a text colour; the text on an accent-filled button is white or black, whichever reads better
 * (brand-info.ts), which always reaches the 4.5:1 of text.
 */

export interface AccentSetting {
  light: string
  dark: string
}

export type AccentReading = { ok: true; accent: AccentSetting } | { ok: false; problem: SettingProblem; part?: ColourScheme }

/** What a valid accent looks like, as config_invalid says it (worded when met). */
export const accentExample = (): string =>
  t('errors.config_invalid.example.accent-color', {
    colour: '"#2f6fde"',
    perTheme: '{"light": "#6b2fa3", "dark": "#c39bff"}',
    variable: 'LM_ACCENT_COLOR',
    inVariable: '"#6b2fa3,#c39bff"'
  })

/** Why an accent is refused, worded when met with the setting's name. */
export const ACCENT_PROBLEMS = {
  notAColour: (setting: string) =>
    t('errors.config_invalid.problem.accent-not-colour', { setting, short: '#rgb', long: '#rrggbb', perTheme: '{"light": …, "dark": …}' }),
  tooFaint:
    (scheme: ColourScheme, ratio: number, background: 'page' | 'surface', hex: string): SettingProblem =>
    (setting) =>
      t('errors.config_invalid.problem.accent-too-faint', { setting, ratio: formatRatio(ratio), scheme, background, colour: hex, minimum: AA_NON_TEXT })
} as const

/** The setting's colours per scheme: one colour for both; or one per scheme, as an object or (in a variable) "light,dark". */
function coloursOf(value: unknown): (AccentSetting & { perScheme: boolean }) | null {
  if (typeof value === 'string') {
    const parts = value.split(',').map((part) => part.trim())
    if (parts.length === 2) return { light: parts[0] ?? '', dark: parts[1] ?? '', perScheme: true }
    const colour = value.trim()
    return { light: colour, dark: colour, perScheme: false }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const keys = Object.keys(value)
  const { light, dark } = value as Record<string, unknown>
  if (keys.length !== 2 || typeof light !== 'string' || typeof dark !== 'string') return null
  return { light: light.trim(), dark: dark.trim(), perScheme: true }
}

/** One of the theme's own colours (always valid). */
function themeColour(hex: string): Rgb {
  const rgb = parseHexColour(hex)
  if (rgb === null) throw new Error(`theme colour ${hex} is not #rrggbb`)
  return rgb
}

/** The accent per scheme as `#rrggbb`, or why it is refused: not a colour, or too faint against one of a theme's backgrounds. */
export function checkAccent(value: unknown): AccentReading {
  const colours = coloursOf(value)
  if (colours === null) return { ok: false, problem: ACCENT_PROBLEMS.notAColour }
  const accent: AccentSetting = { light: '', dark: '' }
  for (const scheme of COLOUR_SCHEMES) {
    const part = colours.perScheme ? { part: scheme } : {}
    const rgb = parseHexColour(colours[scheme])
    if (rgb === null) return { ok: false, problem: ACCENT_PROBLEMS.notAColour, ...part }
    // The background it stands out from least.
    const [background, hex, ratio] = (Object.entries(THEME[scheme].backgrounds) as Array<['page' | 'surface', string]>)
      .map(([name, colour]) => [name, colour, contrastRatio(rgb, themeColour(colour))] as const)
      .reduce((worst, next) => (next[2] < worst[2] ? next : worst))
    if (ratio < AA_NON_TEXT) return { ok: false, problem: ACCENT_PROBLEMS.tooFaint(scheme, ratio, background, hex), ...part }
    accent[scheme] = toHex(rgb)
  }
  return { ok: true, accent }
}
