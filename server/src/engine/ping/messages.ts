// The sandbox ping's user-facing templates (English; translated at the edge
// from the l10n bundle). None takes a credential's value: requests show
// `{NAME}` where a value goes, and refusals name the variable.

export const PING_TEMPLATES = {
  /** The CodeLens over an INT doc's title. */
  lens: 'Sandbox ping {0}',

  // The outcome, as a label.
  ok: 'OK',
  authFailed: 'auth failed',
  rateLimited: 'rate limited',
  unavailable: 'unavailable',
  rejected: 'rejected',
  refused: 'refused',

  // The report, line by line.
  title: 'Sandbox ping {0}: {1}',
  request: 'Request: {0}',
  status: 'Status: HTTP {0}',
  latency: 'Latency: {0} ms',
  latencyThreshold: 'Latency: {0} ms (alert above {1} ms, from {2})',
  attempts: 'Attempts: {0}',
  rateLimit: 'Rate limit: {0} of {1} remaining',
  rateLimitUsage: 'Rate limit: {0}% used',
  credentials: 'Credentials: {0} from {1}',
  warning: 'Warning: {0}',
  note: 'Note: {0}',
  log: 'Attempts log:',

  // Why the outcome.
  okDetail: '{0} accepted the credentials.',
  credentialRejected: 'Credential rejected: rotate or refresh it ({0}). HTTP {1}, not retried.',
  stillRateLimited: 'Still rate limited (HTTP 429) after {0} attempts.',
  retryAfterTooLong: 'Rate limited (HTTP 429); {0} asks to wait {1} s, longer than the {2} s a ping waits.',
  serverError: '{0} answered HTTP {1} on each of {2} attempts.',
  timedOut: 'No answer within {0} ms, in {1} attempts.',
  networkError: 'Could not reach {0} ({1}), in {2} attempts.',
  notJson: 'Expected a JSON answer from {0}; the body is not JSON. Is the base URL the provider\'s API?',
  missingField: 'Expected "{0}" in the answer of {1}; it is not there.',
  clientError: '{0} rejected the request with HTTP {1}; not retried.',

  // Refusals: nothing was sent.
  unknownProvider: 'Expected a provider with a sandbox ping ({1}); found "{0}".',
  noPing: '{0} has no sandbox ping in the catalog. Providers with one: {1}.',
  noDocProvider: 'Expected the INT doc "{0}" to name a provider with a sandbox ping in its Proveedor row; found "{1}".',
  missingVariables: 'Missing {0} in {1}; the sandbox ping reads the test credentials from there, never from source.',
  missingFile: 'Cannot read {0} ({1}); put the test credentials there or point --env-file at the file that has them.',
  liveCredential: '{0} holds a live {1}; the sandbox ping sends test credentials only (expected {2}). Nothing was sent.',
  notTestCredential: '{0} does not hold a test {1} (expected {2}); the sandbox ping sends test credentials only. Nothing was sent.',
  liveHost: '{0} is a live host of {1}; the sandbox ping only talks to its sandbox ({2}) or to a mock. Nothing was sent.',
  badBaseUrl: 'Expected the base URL to be an http or https URL; found "{0}". Nothing was sent.',

  // Warnings and notes.
  slow: 'Latency {0} ms is above the {1} ms alert of {2} (Monitoreo).',
  nearLimit: 'Rate limit nearly used: {0} of {1} remaining, under {2}% left.',
  nearLimitUsage: 'Rate limit nearly used: {0}% used, above the {1}% alert.',
  testCredentialsAccepted: '{0} accepted the test credentials: it answers this request with HTTP {1} and code {2} for test credentials, as it documents.',

  // The attempts log.
  attemptStatus: '#{0} {1} -> HTTP {2} in {3} ms',
  attemptTimeout: '#{0} {1} -> no answer within {2} ms',
  attemptNetwork: '#{0} {1} -> {2}',
  retryIn: '{0}; retrying in {1} ms ({2})',
  retryAfterReason: 'Retry-After',
  backoffReason: 'backoff',
  timeoutReason: 'timeout, once',
} as const;
