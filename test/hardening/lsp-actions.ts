import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceOnce } from '../helpers';

// The documents the code-action hardening tests (lsp-versions, lsp-resolve)
// act on: one INT doc with a mistake for every kind of action, and a source
// file holding a live key.

export const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';
export const SOURCE = 'src/payments/charge.ts';
/** A range over a whole document: every action of every finding. */
export const ALL = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** Mistakes with every kind of action: safe fixes, suggestions, a cross-file fix, a rename in every file, a suppression. */
export function brokenDoc(root: string): string {
  let text = readFileSync(join(root, STRIPE), 'utf8');
  text = replaceOnce(text, '# INT-001: Stripe\n', '# INT-1: Stripe\n');
  text = replaceOnce(text, '| Estado | Implementado |', '| Estado | implementado |');
  text = replaceOnce(text, '| STRIPE_PUBLISHABLE_KEY |', '| stripe_publishable_key |');
  text = replaceOnce(text, '## Rate Limits\n', '## Rate Limts\n');
  return text;
}

/** A fake key built at run time: no file of the repository holds one. */
export const KEY = 'sk_' + 'live_' + Array.from(randomBytes(32), (b) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[b % 62]).join('');
