import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

// ESM-only dependencies must be bundled into the CommonJS main output.
const bundledEsmDeps = ['ky', 'oidc-provider', 'jose', 'openid-client', 'oauth4webapi', 'zod']

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
 * The main bundle is compressed (dead code, constants, shorter expressions) but keeps its names
 * and its lines, so a place the log records (`out/main/index.js:812:9`) still reads as code.
 */
const readableMinify = {
  compress: { keepNames: { function: true, class: true } },
  mangle: false,
  codegen: { removeWhitespace: false }
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledEsmDeps },
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
    plugins: [react(), devServerCsp()]
  }
})
