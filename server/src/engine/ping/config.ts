// The `ping` section of simco-int.config.json.

/** One attempt's limit when neither the config nor --timeout says: the directive's INT docs alert at 10 s without answer. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface PingConfig {
  /** Per catalog id, a base URL replacing the provider's sandbox API: a mock or a proxy. */
  baseUrls: Record<string, string>;
  /** The .env holding the test credentials, relative to the workspace root. */
  envFile: string;
  /** How long one attempt may take, in milliseconds. */
  timeoutMs: number;
}

export function defaultPingConfig(): PingConfig {
  return { baseUrls: {}, envFile: '.env', timeoutMs: DEFAULT_TIMEOUT_MS };
}
