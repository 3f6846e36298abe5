/** What the bench tells its sandbox host, and what the host answers. */
export interface HostOptions {
  sso: boolean
  seed: unknown
  /** Serve the License API over TLS with this certificate (PEM). */
  tls?: { key: string; cert: string }
  /** The sandbox closes connections idle this long (default: the sandbox's, 60 s). */
  idleTimeoutMs?: number
}

/** What went over one emulated link (bench/lib/emulated-link.ts) into the sandbox. */
export interface LinkStats {
  connections: number
  tls: { full: number; resumed: number }
  /** Requests by path, License API and OAuth token endpoint alike. */
  byPath: Record<string, number>
  /** The sandbox's own time on those requests, by path: from the request's headers to the answer's last byte (ms). */
  serverMsByPath: Record<string, number>
}

export interface SandboxEndpoints {
  origin: string
  apiUrl: string
  apiKey: string
  sharedKey: string
  publicKey: string
  oauth: { tokenUrl: string; clientId: string; clientSecret: string }
  /** Origin of the sandbox's identity provider ('' without SSO). */
  ssoIssuer: string
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
