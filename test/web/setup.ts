import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach } from 'vitest'
import { loadLaterParts } from '../../src/renderer/src/App'

// findBy*/waitFor give up after 1 s by default; on a busy two-core machine a render can take longer.
configure({ asyncUtilTimeout: 5_000 })

// Files share one page per worker (the web project does not isolate them): each test starts
// with an empty page and nothing remembered.
beforeEach(() => window.localStorage.clear())

// The window loads the parts its first form does not need once that form is drawn, long before a
// person can click; the tests click at once, so those parts are loaded before they start.
beforeAll(() => loadLaterParts())
afterEach(() => cleanup())
