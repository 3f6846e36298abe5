import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'

// findBy*/waitFor give up after 1 s by default; on a busy two-core machine a render can take longer.
configure({ asyncUtilTimeout: 5_000 })

// Files share one page per worker (the web project does not isolate them): each test starts
// with an empty page and nothing remembered.
beforeEach(() => window.localStorage.clear())
afterEach(() => cleanup())
