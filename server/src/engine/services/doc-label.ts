import type { IntDocSummary } from '../workspace/index';

/** How an INT doc is named to the user: its title (`INT-001: Stripe`), with the code in front when the title lacks it. */
export function docLabel(doc: Pick<IntDocSummary, 'path' | 'code' | 'title'>): string {
  const { code, title } = doc;
  if (title && code && !title.includes(code)) return `${code}: ${title}`;
  return title || code || doc.path.slice(doc.path.lastIndexOf('/') + 1);
}
