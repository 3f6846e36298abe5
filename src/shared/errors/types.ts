/** Groups of errors that the window presents alike and the CLI maps to one exit code. */
export type ErrorFamily =
  | 'input' // the request is incomplete or malformed; nothing was sent
  | 'credentials' // the key, user or SSO identity was not accepted
  | 'licence' // the licence exists but cannot be deactivated as asked
  | 'product' // the bundle code is wrong or the product is unavailable
  | 'device' // this hardware id is not active on the licence
  | 'setup' // the app's API keys or configuration are wrong
  | 'clock' // the PC's clock is outside the server's window
  | 'network' // the request did not get a usable answer
  | 'server' // the server failed or answered something unusable
  | 'sso' // the browser sign-in did not complete

/**
 * What the CLI's exit code says about an error: invalid input or configuration (nothing was sent),
 * a refusal by the License API, no usable answer from the network, a browser sign-in that did
 * not complete, a failure inside the app, or a stop by a signal (Ctrl+C, SIGTERM).
 */
export type ExitGroup = 'invalid' | 'refused' | 'network' | 'ssoIncomplete' | 'unexpected' | 'interrupted'

export interface CatalogueEntry {
  family: ErrorFamily
  /** The CLI's exit group (src/cli/exit-codes.ts). */
  exit: ExitGroup
  /** The HTTP status the server answers with; 0 when no HTTP answer is involved. */
  status: number
  title: string
  explanation: string
  action: string
  /**
   * The vendor documents no code for this case: the built-in sandbox invents it, so the real
   * server may answer with another code (which the app shows as an unknown error).
   */
  sandboxOnly?: true
  /** The action in the command line's words, for entries whose action names a part of the window. */
  commandLineAction?: string
  /** Entries that name a detail: the explanation, worded from the detail the caller gives (typed per entry). */
  explain?: (detail: never) => string
  /** Entries that name a detail: the action, worded from the same detail (the entry's own where the detail does not change it). */
  advise?: (detail: never) => string
}

/** A typed, plain-language failure: what the window shows and the CLI prints. */
export interface AppError extends Omit<CatalogueEntry, 'exit' | 'explain' | 'advise' | 'commandLineAction'> {
  code: string
  /** The server's own message, kept for unknown codes and for the helpdesk. */
  serverMessage?: string
  /** The request field at fault, for input errors. */
  field?: string
  /**
   * Why no HTTP answer came, in the network stack's own words (e.g. `ECONNREFUSED
   * 127.0.0.1:8788`, `ENOTFOUND licence.example.test`, `CERT_HAS_EXPIRED`,
   * `net::ERR_CONNECTION_REFUSED`, `bad port`): for diagnostics and `--json`.
   */
  networkCause?: string
  /** The reference the main process logged this failure under (the window shows it; absent where nothing logged it). */
  reference?: string
}
