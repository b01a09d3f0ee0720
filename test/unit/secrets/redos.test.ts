import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSafe } from 'redos-detector';
import ts from 'typescript';
import { PROVIDERS } from '../../../server/src/engine/catalog/providers';
import { parseConfig } from '../../../server/src/engine/config/config';
import { RULE_IDS } from '../../../server/src/engine/rules';
import { prefilterLiterals } from '../../../server/src/engine/secrets/scan';
import { defaultSecretsConfig } from '../../../server/src/engine/secrets/settings';
import { show } from '../../helpers';

// Every regex the scanner and the catalog run must be free of catastrophic
// backtracking (redos-detector: no input can make it try more than 200 ways).
// Regexes are checked as they are used: a sticky (`y`) regex runs at one
// offset, as if anchored; any other is searched through its input.

const ENGINE = join(__dirname, '..', '..', '..', 'server', 'src', 'engine');
const SOURCES = [
  ...readdirSync(join(ENGINE, 'secrets')).map((name) => join(ENGINE, 'secrets', name)),
  ...readdirSync(join(ENGINE, 'rules', 'secret')).map((name) => join(ENGINE, 'rules', 'secret', name)),
];
const CATALOG = join(ENGINE, 'catalog', 'providers.ts');

function isInside(node: ts.Node, property: string): boolean {
  for (let up = node.parent; up; up = up.parent) if (ts.isPropertyAssignment(up) && up.name.getText() === property) return true;
  return false;
}

/**
 * Every regex literal in a source file, found by the TypeScript parser so none
 * is missed. A catalog format's `pattern` is left to the test that checks it
 * as the scanner runs it (sticky, or anchored to the whole value).
 */
function regexLiterals(file: string, within?: string): RegExp[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: RegExp[] = [];
  const visit = (node: ts.Node): void => {
    const isFormatPattern = node.parent !== undefined && ts.isPropertyAssignment(node.parent) && node.parent.name.getText() === 'pattern';
    if (ts.isRegularExpressionLiteral(node) && !isFormatPattern && (!within || isInside(node, within))) {
      const text = node.text;
      const slash = text.lastIndexOf('/');
      found.push(new RegExp(text.slice(1, slash), text.slice(slash + 1)));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function asUsed(regex: RegExp): RegExp {
  return regex.sticky ? new RegExp(`^(?:${regex.source})`, regex.flags.replace('y', '')) : regex;
}

function assertSafe(regex: RegExp, where: string): void {
  const result = isSafe(asUsed(regex));
  assert.ok(result.safe, `${where}: ${regex} is not safe (${result.error})`);
}

describe('secret scanner: ReDoS', function () {
  // The checker walks every path through a pattern: seconds, not milliseconds, for the whole set.
  this.timeout(60_000);
  for (const file of SOURCES) {
    it(`${file.slice(ENGINE.length + 1)}: every regex literal`, () => {
      const regexes = regexLiterals(file);
      for (const regex of regexes) assertSafe(regex, file);
    });
  }

  it('catalog/providers.ts: every regex of the secret formats (names, context, files)', () => {
    for (const regex of regexLiterals(CATALOG, 'secrets')) assertSafe(regex, CATALOG);
  });

  it('every catalog format as the scanner runs it (sticky at its prefix, or whole value)', () => {
    for (const provider of PROVIDERS) {
      for (const format of provider.secrets) {
        if (format.type === 'token') assertSafe(new RegExp(format.pattern.source, 'y'), format.id);
        if (format.type === 'assigned') assertSafe(new RegExp(`^(?:${format.pattern.source})$`), format.id);
      }
    }
  });

  it('the prefilter runs no regex: it looks for plain literals, two characters or longer', () => {
    const literals = prefilterLiterals(defaultSecretsConfig());
    assert.ok(literals.includes('sk_live_') && literals.includes('-----BEGIN ') && literals.includes('secret'));
    for (const literal of literals) assert.ok(typeof literal === 'string' && literal.length >= 2, `prefilter literal ${literal}`);
  });

  it('rejects a vulnerable or invalid user pattern where it is written, and accepts a linear one', () => {
    const config = {
      secrets: {
        patterns: [
          { id: 'acme-live', provider: 'Acme', regex: 'acme_live_[0-9a-z]{32}', mode: 'live' },
          { id: 'acme-nested', provider: 'Acme', regex: '(a+)+$', mode: 'live' },
          { id: 'acme-broken', provider: 'Acme', regex: 'acme_(live', mode: 'live' },
        ],
        allowPatterns: ['^sk_test_docs', '(\\w+\\s?)+$'],
      },
    };
    const { findings } = parseConfig('simco-int.config.json', JSON.stringify(config, null, 2), RULE_IDS);
    assert.deepEqual(findings.map((f) => show(f)), [
      '13:18 config/invalid secrets.patterns.1.regex can backtrack catastrophically (nested or overlapping repetition); expected a literal prefix followed by bounded repetition, which runs in linear time.',
      '19:18 config/invalid secrets.patterns.2.regex is not a valid regular expression (Unterminated group).',
      '25:7 config/invalid secrets.allowPatterns.1 can backtrack catastrophically (nested or overlapping repetition); expected a literal prefix followed by bounded repetition, which runs in linear time.',
    ]);
  });
});
