import { createHash } from 'node:crypto'

/**
 * Remembers the SHA-256 of every one-time secret presented (SSO codes, SSO tokens) until it may be
 * forgotten, so each works once, even when two requests present it at the same moment.
 */
export class SingleUse {
  private readonly seen = new Map<string, number>()

  constructor(
    private readonly now: () => number,
    /** How long a presented secret is remembered: longer than it can live. */
    private readonly memoryMs: number
  ) {}

  /** True the first time a secret is presented; false afterwards. */
  firstPresentation(secret: string): boolean {
    const now = this.now()
    for (const [hash, forgetAt] of this.seen) if (forgetAt <= now) this.seen.delete(hash)
    const hash = createHash('sha256').update(secret).digest('base64url')
    if (this.seen.has(hash)) return false
    this.seen.set(hash, now + this.memoryMs)
    return true
  }
}
