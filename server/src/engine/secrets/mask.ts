import { redact } from './redact';
import { scanSecrets } from './scan';
import { defaultSecretsConfig, type SecretsConfig } from './settings';

// Rules quote what they found (a key, a cell, a line that does not parse),
// and what they quote can be a secret: a key pasted where its name belongs
// (`sk_live_...=1` in a .env), an Estado cell holding a token, an unknown
// setting in the config. Every message argument, fix title argument and data
// value goes through here before a finding is made (lint.ts's toFinding,
// config.ts's findings): a secret the scanner knows is shown redacted.

const CATALOG_ONLY: SecretsConfig = defaultSecretsConfig();

/** `text` with each secret the scanner finds in it replaced by its redacted form. */
export function maskSecrets(text: string, settings: SecretsConfig = CATALOG_ONLY): string {
  // Every format the scanner knows is longer than this: most arguments (a number, a rule id) are never scanned.
  if (text.length < 8) return text;
  const hits = scanSecrets(text, '', settings);
  let masked = '';
  let from = 0;
  for (const hit of hits.sort((a, b) => a.start - b.start)) {
    if (hit.start < from) continue;
    // A URL hit's redacted form is the whole URL; its range is the password alone.
    const shown = hit.category === 'url' ? redact(text.slice(hit.start, hit.end)) : hit.redacted;
    masked += text.slice(from, hit.start) + shown;
    from = hit.end;
  }
  return from === 0 ? text : masked + text.slice(from);
}
