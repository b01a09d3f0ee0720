import { trimEnd, trimStart } from '../linear-search';
import { fold } from '../text';

/**
 * The `{nombre}` of `INT-{NNN}-{nombre}.md`: lowercase kebab-case, accents
 * removed ("Notificación Push" -> "notificacion-push"). Empty when the name
 * has no letter or digit.
 */
export function kebabNombre(name: string): string {
  return trimEnd(trimStart(fold(name).replace(/[^a-z0-9]+/g, '-'), '-'), '-');
}

/** A name as one table cell or title holds it: no pipes or line breaks, single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[|\r\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}
