import { localize, message, type Locale } from '../messages';
import { maskSecrets } from '../secrets/mask';
import type { Position, Range } from '../types';
import type { EnvVarUse, WorkspaceIndex } from '../workspace/index';
import { docLabel } from './doc-label';
import { envVarAt } from './env-var-at';
import { codeSpan, escapeMarkdown } from './markdown';

// On an env var, wherever it is written, the hover answers the directive's
// question: which INT doc documents it, and what its row says. It names the
// .env files that declare it but never shows a value: they hold secrets.

export const HOVER_TEMPLATES = {
  documented: 'Documented in {0} ({1})',
  undocumented: "No INT doc documents this variable: add it to the Credenciales Requeridas table of its provider's INT doc.",
  declared: 'Declared in {0}',
  read: 'Read in {0}',
} as const;

/** Files listed per line before the rest is counted: a hover is a glance, not a report. */
const MAX_FILES = 5;

export interface HoverResult {
  /** Markdown. */
  contents: string;
  /** The name the hover is about. */
  range: Range;
}

export function hover(index: WorkspaceIndex, path: string, text: string, position: Position, locale: Locale = 'en'): HoverResult | undefined {
  const at = envVarAt(index, path, text, position);
  if (!at) return undefined;
  const t = (template: string, ...args: string[]) => localize(message(template, ...args), locale);
  // A name or cell can be a secret pasted in the wrong place: shown masked, like a finding's quote.
  const blocks = [codeSpan(maskSecrets(at.name))];

  const docs = index.documentation(at.name);
  for (const doc of docs) {
    // The template's column names are the directive's vocabulary: not translated.
    const lines = [t(HOVER_TEMPLATES.documented, escapeMarkdown(docLabel(doc)), codeSpan(doc.path))];
    if (doc.proveedor) lines.push(`- Proveedor: ${escapeMarkdown(maskSecrets(doc.proveedor))}`);
    if (doc.descripcion) lines.push(`- Descripcion: ${escapeMarkdown(maskSecrets(doc.descripcion))}`);
    if (doc.obligatorio) lines.push(`- Obligatorio: ${escapeMarkdown(maskSecrets(doc.obligatorio))}`);
    blocks.push(lines.join('\n'));
  }
  if (docs.length === 0) blocks.push(t(HOVER_TEMPLATES.undocumented));

  const uses = index.uses(at.name);
  const declared = filesOf(uses, 'env');
  const read = filesOf(uses, 'source');
  if (declared) blocks.push(t(HOVER_TEMPLATES.declared, declared));
  if (read) blocks.push(t(HOVER_TEMPLATES.read, read));

  return { contents: blocks.join('\n\n'), range: at.range };
}

/** `a`, `b` (+3): the distinct files of one kind, or '' when there are none. */
function filesOf(uses: readonly EnvVarUse[], kind: EnvVarUse['kind']): string {
  const files = [...new Set(uses.filter((use) => use.kind === kind).map((use) => use.path))];
  if (files.length === 0) return '';
  const shown = files.slice(0, MAX_FILES).map(codeSpan).join(', ');
  return files.length > MAX_FILES ? `${shown} (+${files.length - MAX_FILES})` : shown;
}
