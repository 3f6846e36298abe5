import type { EngineConfig } from '../../../../src/main/engine/config'

/** What a configuration gives when it sets nothing: the built-in sandbox and the documented defaults (docs/configuration.md). */
export const DOCUMENTED_DEFAULTS: EngineConfig = {
  apiUrl: null,
  auth: null,
  defaultProduct: '',
  defaultCustomerAccount: '',
  timeoutMs: 15000,
  ssoTimeoutMs: 300000,
  ssoTokenField: 'access_token',
  hardwareIdSource: { kind: 'node-machine-id' },
  warmUp: true
}
