import { intFileCode } from '../../intdoc/file-code';
import { holdsPlaceholder } from '../../intdoc/metadata-fields';
import type { Heading, IntDoc } from '../../intdoc/model';
import { fold } from '../../text';
import type { Range } from '../../types';
import type { Report, Rule } from '../rule';

// The template's first line is `# INT-{NNN}: {Nombre Integracion}`. The code
// ties the doc to its file name, the inventory and the Codigo row; a title that
// says INT-004 in INT-007's file sends readers to the wrong integration.

/** `INT-001: Stripe`; the template's own `INT-{NNN}: {Nombre Integracion}` is left to int-doc/placeholder. */
const TITLE = /^INT-(\d{3}|\{[^{}]*\}):[ \t]+(\S.*)$/;
/** The code and name written some other way: `INT-1: Stripe`, `INT-001 - Stripe`, `int 001 Stripe`. */
// Two regexes: in one, a name starting with a digit could be read as part of the code (ReDoS).
const LOOSE_CODE = /^int[-_ ]?(\d{1,3})(?!\d)/i;
const LOOSE_NAME = /^[ \t]*(?:[:\-–—.][ \t]*)?([^\s:\-–—.].*)$/;
const STARTS_WITH_INT = /^int(?:\b|[-_ ]?\d)/i;

/** Letters and digits only, accents removed: "Mercado Pago" and "mercadopago" compare equal. */
const compact = (name: string): string => fold(name).replace(/[^a-z0-9]/g, '');

const rule: Rule = {
  meta: {
    id: 'int-doc/title',
    description: 'The doc starts with a level-1 title "# INT-{NNN}: {Nombre}" whose code and name agree with the file name.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      missing: 'Expected a level-1 title "# INT-{NNN}: {Nombre}"; found none.',
      malformed: 'Expected the title to read "INT-{NNN}: {Nombre}"; found "{0}".',
      wrongCode: 'Expected the title code {0} (from the file name); found {1}.',
      wrongName: 'Expected the title\'s name to match the file name "{0}"; found "{1}".',
      fixFormat: 'Write the title as "{0}"',
      fixCode: 'Change the code to {0}',
      addCode: 'Prefix the title with {0}',
    },
  },
  checkIntDoc({ doc, report }) {
    const title = doc.title;
    if (!title) {
      report({ messageId: 'missing', range: doc.lines.lineRange(0) });
      return;
    }
    const file = intFileCode(doc.path);
    const textStart = doc.lines.offsetAt(title.textRange.start);
    // The heading as typed, markup included: fixes and ranges must land on these characters.
    const raw = doc.text.slice(textStart, doc.lines.offsetAt(title.textRange.end));
    const match = TITLE.exec(title.text);
    if (!match) {
      reportMalformed(title, raw === title.text, file?.code, report);
      return;
    }
    const [, digits, name] = match;
    const written = `INT-${digits}`;
    if (file && !holdsPlaceholder(digits) && written !== file.code) {
      const at = raw.indexOf(written);
      const codeStart = textStart + at;
      const digitsStart = codeStart + 'INT-'.length;
      const newDigits = file.code.slice('INT-'.length);
      report({
        messageId: 'wrongCode',
        args: [file.code, written],
        range: at < 0 ? title.textRange : doc.lines.rangeOf(codeStart, digitsStart + digits.length),
        fixes: at < 0 ? [] : [{ messageId: 'fixCode', args: [file.code], edits: [{ range: doc.lines.rangeOf(digitsStart, digitsStart + digits.length), newText: newDigits }], safe: true }],
        data: { expected: file.code },
      });
    }
    if (file && !holdsPlaceholder(name) && !compact(name).includes(compact(file.nombre))) {
      report({ messageId: 'wrongName', args: [file.nombre, name], range: rangeOfName(doc, title, raw, name) });
    }
  },
};

/**
 * A title that is not `INT-{NNN}: {Nombre}`. When its code and name can be
 * read, rewriting it in the template's form changes only the form (safe); a
 * title with no code at all gets the file's code as a suggestion. Titles with
 * markup are not rewritten: the fix would drop the markup.
 */
function reportMalformed(title: Heading, plain: boolean, fileCode: string | undefined, report: Report): void {
  const { text, textRange: range } = title;
  const loose = looseTitle(text);
  if (loose && plain) {
    const expected = `INT-${loose.code.padStart(3, '0')}: ${loose.name}`;
    const fix = { messageId: 'fixFormat', args: [expected], edits: [{ range, newText: expected }], safe: true };
    report({ messageId: 'malformed', args: [text], range, fixes: [fix], data: { expected } });
  } else if (fileCode && plain && text && !STARTS_WITH_INT.test(text)) {
    const expected = `${fileCode}: ${text}`;
    const fix = { messageId: 'addCode', args: [fileCode], edits: [{ range, newText: expected }], safe: false };
    report({ messageId: 'malformed', args: [text], range, fixes: [fix], data: { expected } });
  } else {
    report({ messageId: 'malformed', args: [text], range });
  }
}

function looseTitle(text: string): { code: string; name: string } | undefined {
  const code = LOOSE_CODE.exec(text);
  const name = code && LOOSE_NAME.exec(text.slice(code[0].length));
  return name ? { code: code[1], name: name[1] } : undefined;
}

/** The name's characters in the heading line; the whole heading text when markup splits it. */
function rangeOfName(doc: IntDoc, title: Heading, raw: string, name: string): Range {
  const at = raw.lastIndexOf(name);
  if (at < 0) return title.textRange;
  const start = doc.lines.offsetAt(title.textRange.start) + at;
  return doc.lines.rangeOf(start, start + name.length);
}

export default rule;
