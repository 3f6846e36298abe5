import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { NO_PARSER_ALIAS, parsedMessages } from './scripts/i18n/vite-plugin'

// ESM-only dependencies must be bundled into the CommonJS main output.
const bundledEsmDeps = [
  'ky',
  'oidc-provider',
  'jose',
  'openid-client',
  'oauth4webapi',
  'zod',
  'intl-messageformat',
  '@formatjs/icu-messageformat-parser',
  '@formatjs/fast-memoize',
  '@formatjs/icu-skeleton-parser'
]

/**
 * The dev server injects an inline React-refresh preamble and talks over a websocket;
 * the shipped CSP forbids both. Loosen it for `electron-vite dev` only.
 */
const devServerCsp = (): Plugin => ({
  name: 'license-manager:dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")
})

/**
 * The main bundle is compressed and written without its whitespace, but keeps every name, so a
 * logged place (`out/main/index.js:1:48213`) still names its function; the source map written
 * beside it (without a link from the bundle) turns the place back into a file and line.
 */
const readableMinify = {
  compress: { keepNames: { function: true, class: true } },
  mangle: false,
  codegen: { removeWhitespace: true }
}

export default defineConfig({
  main: {
    plugins: [parsedMessages()],
    resolve: { alias: NO_PARSER_ALIAS },
    build: {
      externalizeDeps: { exclude: bundledEsmDeps },
      sourcemap: 'hidden',
      rolldownOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') }, output: { minify: readableMinify } }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    },
    resolve: { alias: NO_PARSER_ALIAS },
    plugins: [parsedMessages(), react(), devServerCsp()]
  }
})
