import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'

/** The types the built renderer is made of; anything else is served as opaque bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff'
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * The file a URL path names inside `root`, or null when it names nothing there: a path
 * that is not valid percent-encoding, carries a NUL or a backslash (a second separator on
 * Windows), climbs out of `root` (also through `%2e%2e`, `%2f` or a symbolic link), or is
 * not a regular file. `/` is index.html.
 */
export async function resolveRendererFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const base = resolve(root)
  const file = resolve(base, `.${decoded === '/' ? '/index.html' : decoded}`)
  if (!inside(base, file)) return null
  try {
    const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)])
    if (!inside(realBase, realFile) || !(await stat(realFile)).isFile()) return null
    return realFile
  } catch {
    return null
  }
}
