import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'

/*
 * The pseudo-locale, made from English: every letter accented (ä for a, ç for c…), about 40 %
 * longer, and bracketed, so a test sees at once any text that did not come from the message
 * files and any layout that cannot take longer words. Placeholders, plural and select keys stay
 * as they are: only the literal text changes.
 */

const ACCENTED: Readonly<Record<string, string>> = {
  a: 'å',
  b: 'ƀ',
  c: 'ç',
  d: 'đ',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Đ',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž'
}

/** How much longer pseudo text is than English: German and French run 30–40 % longer. */
const EXPANSION = 0.4

const accent = (text: string): string => text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c)

/** Accents one literal and lengthens it: vowels doubled inside its words, the rest as a trailing "·" run. */
function lengthen(text: string): string {
  const letters = text.replace(/[^A-Za-z]/g, '').length
  let extra = Math.round(letters * EXPANSION)
  const longer = accent(text).replace(/[åéîöûý]/g, (vowel) => {
    if (extra <= 0) return vowel
    extra--
    return vowel + vowel
  })
  return extra > 0 ? longer + '·'.repeat(extra) : longer
}

function transform(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element): MessageFormatElement => {
    if (element.type === TYPE.literal) return { ...element, value: lengthen(element.value) }
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      const options = Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: transform(option.value) }]))
      return { ...element, options }
    }
    if (element.type === TYPE.tag) return { ...element, children: transform(element.children) }
    return element
  })
}

/** The pseudo-locale's form of one parsed English message. */
export function pseudoMessage(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  return [{ type: TYPE.literal, value: '[' }, ...transform(elements), { type: TYPE.literal, value: ']' }]
}
