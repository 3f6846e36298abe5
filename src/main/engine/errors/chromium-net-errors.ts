import type { KnownErrorCode } from '../../../shared/errors'

/** The catalogue codes a failure without an HTTP answer can map to. */
export type TransportCode = Extract<
  KnownErrorCode,
  | 'cannot_connect_to_server'
  | 'dns_failure'
  | 'timeout'
  | 'tls_failure'
  | 'connection_reset'
  | 'proxy_failure'
  | 'pc_offline'
  | 'proxy_auth_required'
  | 'network_error'
>

/**
 * Chromium's network error names (net/base/net_error_list.h), as Electron's `net.fetch`
 * reports them: `Error('net::ERR_…')`, on the request or on the body stream. A name
 * ending in `*` covers every name with that prefix; exact names are looked up first,
 * so `ERR_QUIC_CERT_ROOT_NOT_KNOWN` is TLS although other `ERR_QUIC_*` are cut
 * connections. Anything not listed is `network_error`.
 */
export const CHROMIUM_NET_ERRORS: Readonly<Record<string, TransportCode>> = {
  // The OS says there is no network at all.
  ERR_INTERNET_DISCONNECTED: 'pc_offline',

  // Nothing reached the server: refused, unreachable, no route.
  ERR_CONNECTION_REFUSED: 'cannot_connect_to_server',
  ERR_CONNECTION_FAILED: 'cannot_connect_to_server',
  ERR_ADDRESS_UNREACHABLE: 'cannot_connect_to_server',
  ERR_ADDRESS_INVALID: 'cannot_connect_to_server',

  // Name resolution.
  ERR_NAME_NOT_RESOLVED: 'dns_failure',
  ERR_NAME_RESOLUTION_FAILED: 'dns_failure',
  ERR_ICANN_NAME_COLLISION: 'dns_failure',
  'ERR_DNS_*': 'dns_failure',

  // No (complete) answer in time.
  ERR_TIMED_OUT: 'timeout',
  ERR_CONNECTION_TIMED_OUT: 'timeout',

  // The connection closed early, or the answer was cut short.
  ERR_CONNECTION_RESET: 'connection_reset',
  ERR_CONNECTION_CLOSED: 'connection_reset',
  ERR_CONNECTION_ABORTED: 'connection_reset',
  ERR_SOCKET_NOT_CONNECTED: 'connection_reset',
  ERR_EMPTY_RESPONSE: 'connection_reset',
  ERR_NETWORK_CHANGED: 'connection_reset',
  ERR_CONTENT_LENGTH_MISMATCH: 'connection_reset',
  ERR_INCOMPLETE_CHUNKED_ENCODING: 'connection_reset',
  ERR_RESPONSE_HEADERS_TRUNCATED: 'connection_reset',
  ERR_INCOMPLETE_HTTP2_HEADERS: 'connection_reset',
  'ERR_HTTP2_*': 'connection_reset',
  'ERR_QUIC_*': 'connection_reset',

  // The proxy, its configuration (PAC) or a SOCKS server.
  'ERR_PROXY_*': 'proxy_failure',
  // The proxy asked for credentials to open a tunnel, and none can be given.
  ERR_PROXY_AUTH_REQUESTED: 'proxy_auth_required',
  ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION: 'proxy_auth_required',
  'ERR_SOCKS_*': 'proxy_failure',
  'ERR_PAC_*': 'proxy_failure',
  ERR_TUNNEL_CONNECTION_FAILED: 'proxy_failure',
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: 'proxy_failure',
  ERR_NO_SUPPORTED_PROXIES: 'proxy_failure',
  ERR_UNEXPECTED_PROXY_AUTH: 'proxy_failure',
  ERR_HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT: 'proxy_failure',

  // TLS: certificates, handshakes, and TLS-intercepting middleboxes.
  'ERR_CERT_*': 'tls_failure',
  'ERR_SSL_*': 'tls_failure',
  'ERR_CT_*': 'tls_failure',
  'ERR_ECH_*': 'tls_failure',
  ERR_CERTIFICATE_TRANSPARENCY_REQUIRED: 'tls_failure',
  ERR_TLS13_DOWNGRADE_DETECTED: 'tls_failure',
  ERR_INVALID_ECH_CONFIG_LIST: 'tls_failure',
  ERR_INSECURE_RESPONSE: 'tls_failure',
  ERR_BAD_SSL_CLIENT_AUTH_CERT: 'tls_failure',
  ERR_NO_SSL_VERSIONS_ENABLED: 'tls_failure',
  ERR_CLIENT_AUTH_CERT_TYPE_UNSUPPORTED: 'tls_failure',
  ERR_ALPN_NEGOTIATION_FAILED: 'tls_failure',
  ERR_QUIC_CERT_ROOT_NOT_KNOWN: 'tls_failure'
}

const EXACT = new Map(Object.entries(CHROMIUM_NET_ERRORS).filter(([name]) => !name.endsWith('*')))
/** Longest prefix first, so a more specific family wins. */
const PREFIXES = Object.entries(CHROMIUM_NET_ERRORS)
  .filter(([name]) => name.endsWith('*'))
  .map(([name, code]) => [name.slice(0, -1), code] as const)
  .sort((a, b) => b[0].length - a[0].length)

/** The catalogue code for a Chromium error name such as `ERR_CONNECTION_RESET`. */
export function chromiumTransportCode(name: string): TransportCode {
  const exact = EXACT.get(name)
  if (exact) return exact
  return PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? 'network_error'
}

/** The `ERR_…` name in a message such as `net::ERR_CERT_DATE_INVALID`, if there is one. */
export function chromiumErrorName(message: string): string | undefined {
  return /\bnet::(ERR_[A-Z0-9_]+)/.exec(message)?.[1]
}
