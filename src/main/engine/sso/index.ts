export { createSsoBrowserFlow, type SsoBrowserFlowOptions } from './browser-flow'
export type { SsoBrowserFlow, SsoBrowserFlowDeps, SsoCredential, SsoSignInQuery } from './types'
