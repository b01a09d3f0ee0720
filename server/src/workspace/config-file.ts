import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, defaultConfig, parseConfig, type Config } from '../engine/config/config';
import { RULE_IDS } from '../engine/rules';
import { decodeBytes } from '../engine/text';
import type { Finding } from '../engine/types';
import { codeOf } from './errno';

export type ConfigLoad =
  | {
      ok: true;
      config: Config;
      /** Problems in the file at their location; when there are any, `config` holds the defaults. */
      findings: Finding[];
      /** How the file was named in findings, or undefined when there is none and the defaults apply. */
      file: string | undefined;
    }
  | { ok: false; file: string; /** errno code, e.g. ENOENT */ reason: string };

export interface ConfigSource {
  absolute: string;
  /** The name findings carry: workspace-relative for the default file, as typed for --config. */
  shownAs: string;
}

/**
 * Loads the configuration: `explicit` when given (it must exist), otherwise
 * `simco-int.config.json` at the root if there is one, otherwise the defaults.
 */
export function loadConfig(root: string, explicit?: ConfigSource): ConfigLoad {
  const source = explicit ?? { absolute: join(root, CONFIG_FILE), shownAs: CONFIG_FILE };
  let bytes: Buffer;
  try {
    bytes = readFileSync(source.absolute);
  } catch (error) {
    if (!explicit && codeOf(error) === 'ENOENT') return { ok: true, config: defaultConfig(), findings: [], file: undefined };
    return { ok: false, file: source.shownAs, reason: codeOf(error) };
  }
  const { config, findings } = parseConfig(source.shownAs, decodeBytes(bytes).text, RULE_IDS);
  return { ok: true, config, findings, file: source.shownAs };
}
