import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RENDERER_CSP } from '../../../src/main/electron/content-security-policy'

/*
 * The window's policy is the renderer's <meta> and, for the built app served over app://,
 * the same policy as a response header (app-protocol.test.ts checks the header). The
 * shell's security rests on it; these checks keep it strict and the two copies equal.
 */
const html = readFileSync(resolve(__dirname, '../../../src/renderer/index.html'), 'utf8')

function metaPolicy(source: string): Map<string, string[]> {
  const tag = source.match(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0]
  const content = tag?.match(/content=(["'])(.*?)\1/is)?.[2]
  if (!content) throw new Error('src/renderer/index.html has no Content-Security-Policy meta tag')
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values])
  )
}

describe('the renderer’s Content-Security-Policy', () => {
  const policy = metaPolicy(html)
  const sources = [...policy.values()].flat()

  it('is the policy the app:// handler sends as a header', () => {
    const tag = html.match(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i)![0]
    expect(tag.match(/content="([^"]*)"/)![1]).toBe(RENDERER_CSP)
  })

  it('defaults to the app itself', () => {
    expect(policy.get('default-src')).toEqual(["'self'"])
  })

  it('allows no eval, no inline script and no remote host', () => {
    expect(sources).not.toContain("'unsafe-eval'")
    expect(sources).not.toContain("'wasm-unsafe-eval'")
    expect(policy.get('script-src') ?? policy.get('default-src')).not.toContain("'unsafe-inline'")
    expect(sources.filter((s) => /^(https?:|wss?:|\*|[a-z0-9.-]+\.[a-z]{2,})/i.test(s))).toEqual([])
  })

  it('forbids plugins and base-URL tricks', () => {
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
  })

  it('comes before any script in <head>', () => {
    const meta = html.search(/http-equiv=["']Content-Security-Policy/i)
    const firstScript = html.search(/<script\b/i)
    expect(meta).toBeGreaterThan(-1)
    expect(firstScript === -1 || meta < firstScript).toBe(true)
  })
})
