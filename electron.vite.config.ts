import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// ESM-only dependencies must be bundled into the CommonJS main output.
const bundledEsmDeps = ['ky', 'oidc-provider', 'jose', 'openid-client', 'oauth4webapi', 'zod']

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledEsmDeps },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react()]
  }
})
