import type { Message } from './types';
import spanish from '../../../l10n/bundle.l10n.es.json';

// Translations use VS Code's l10n bundle format (`l10n/bundle.l10n.<locale>.json`,
// keyed by the English template), so the client's `vscode.l10n.t` and the
// engine share one file per language.

export type Locale = 'en' | 'es';

const bundles: Record<Locale, Record<string, string>> = { en: {}, es: spanish };

/** A rule that throws on a file becomes this finding; the other rules still run. */
export const CRASH_TEMPLATE = 'The rule {0} failed on this file ({1}); the other rules still ran. Please report it.';

export function message(template: string, ...args: Array<string | number>): Message {
  return { template, args: args.map(String) };
}

export function localize(msg: Message, locale: Locale = 'en'): string {
  const template = bundles[locale][msg.template] ?? msg.template;
  return template.replace(/\{(\d{1,3})\}/g, (whole, index: string) => msg.args[Number(index)] ?? whole);
}

/** Picks the locale from an LSP/VS Code locale or a POSIX LANG value ("es-MX", "es_AR.UTF-8"). */
export function toLocale(value: string | undefined): Locale {
  return value && /^es(?:[-_.]|$)/i.test(value) ? 'es' : 'en';
}
