import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeError } from '../../../src/shared/errors'
import { failure, success } from '../../../src/shared/outcome'
import { withStartLogged, type RunningEngine } from '../../../src/main/electron/engine-startup'
import type { LicenseService } from '../../../src/main/engine/service'
import { createLogFile } from '../../../src/main/logging/log-file'
import { createLogger, type Logger } from '../../../src/main/logging/logger'

let dir: string
let logger: Logger
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lm-start-logged-'))
  logger = createLogger({ file: createLogFile({ path: join(dir, 'main.log') }) })
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const lines = () => readFileSync(join(dir, 'main.log'), 'utf8').split('\n').filter(Boolean)
const engine = (service: RunningEngine['service']): RunningEngine => ({ service, sandbox: false, close: async () => undefined, resetSandbox: null })
const config = () => ({ configFile: '/etc/license-manager/config.json', configScope: 'machine' })

describe('withStartLogged', () => {
  it('logs a start with its server and the configuration file read', async () => {
    const service = { appInfo: () => ({ server: 'https://api.licensespring.com/api/v4/' }) } as unknown as LicenseService
    const started = await withStartLogged(logger, config, async () => engine(success(service)))
    expect(started.service).toEqual(success(service))
    expect(lines()).toEqual([
      expect.stringMatching(
        /info engine\.start result=ok sandbox=false server=https:\/\/api\.licensespring\.com\/api\/v4\/ configFile=\/etc\/license-manager\/config\.json configScope=machine durationMs=\d+$/
      )
    ])
  })

  it('logs a failed start once, with the setting at fault, and its error then carries that reference', async () => {
    const broken = describeError('config_invalid', { field: 'LM_TIMEOUT_MS', detail: { problem: 'LM_TIMEOUT_MS must be a whole number.' } })
    const started = await withStartLogged(logger, config, async () => engine(failure(broken)))
    if (started.service.ok) throw new Error('expected the failure')
    const reference = started.service.error.reference!
    expect(reference).toMatch(/^LM-CFG-PC-\w{4}$/)
    expect(started.service.error).toEqual({ ...broken, reference })
    expect(lines()).toEqual([
      expect.stringMatching(
        new RegExp(
          `error engine\\.start result=failed code=config_invalid status=0 family=setup field=LM_TIMEOUT_MS reference=${reference} durationMs=\\d+ explanation="LM_TIMEOUT_MS must be a whole number\\." configFile=`
        )
      )
    ])
  })
})
