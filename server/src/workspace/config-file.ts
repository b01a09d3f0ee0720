import { readFileSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { CONFIG_FILE, defaultConfig, MAX_CONFIG_BYTES, oversizedConfig, parseConfig, type Config } from '../engine/config/config';
import type { PathResolver } from '../engine/config/untrusted';
import { RULE_IDS } from '../engine/rules';
import { decodeBytes } from '../engine/text';
import type { Finding } from '../engine/types';
import { codeOf } from './errno';
import { withRegularFile } from './regular-file';

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
  let bytes: Buffer | number;
  try {
    // A file over the limit is not read at all: its size is the whole finding.
    bytes = withRegularFile(source.absolute, (fd, size) => (size > MAX_CONFIG_BYTES ? size : readFileSync(fd)));
  } catch (error) {
    if (!explicit && codeOf(error) === 'ENOENT') return { ok: true, config: defaultConfig(), findings: [], file: undefined };
    return { ok: false, file: source.shownAs, reason: codeOf(error) };
  }
  const { config, findings } =
    typeof bytes === 'number' ? oversizedConfig(source.shownAs, bytes) : parseConfig(source.shownAs, decodeBytes(bytes).text, RULE_IDS, linksOutOf(root));
  return { ok: true, config, findings, file: source.shownAs };
}

/** Paths of the config that exist and, through symbolic links, resolve outside the workspace. */
function linksOutOf(root: string): PathResolver {
  let realRoot: string | undefined;
  return (relative) => {
    let real: string;
    try {
      realRoot ??= realpathSync(root);
      real = realpathSync(join(root, relative));
    } catch {
      return undefined; // Missing or unreadable: the setting's own check says so when it is used.
    }
    return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep) ? undefined : 'outside';
  };
}
