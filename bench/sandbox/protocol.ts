/** What the bench tells its sandbox host, and what the host answers. */
export interface HostOptions {
  sso: boolean
  seed: unknown
}

export interface SandboxEndpoints {
  origin: string
  apiUrl: string
  apiKey: string
  sharedKey: string
  publicKey: string
  oauth: { tokenUrl: string; clientId: string; clientSecret: string }
  pid: number
}

export interface SandboxStats {
  requests: number
  byPath: Record<string, number>
}

export interface MemorySnapshot {
  rss: number
  heapTotal: number
  heapUsed: number
  external: number
  arrayBuffers: number
}
