import { strict as assert } from 'node:assert';
import type { Log } from 'sarif';
import { message } from '../../server/src/engine/messages';
import { RULES } from '../../server/src/engine/rules';
import type { Finding, Severity } from '../../server/src/engine/types';
import type { FormatInput } from '../../server/src/formatters/format';
import { json } from '../../server/src/formatters/json';
import { sarif } from '../../server/src/formatters/sarif';
import { stylish } from '../../server/src/formatters/stylish';
import type { CheckResult } from '../../server/src/workspace/check';

// The formatters are pure: these tests feed them findings directly, so they
// do not depend on what the rules report.

function finding(file: string, line: number, character: number, severity: Severity, text: string, ruleId = 'int-doc/file-name'): Finding {
  return {
    ruleId,
    severity,
    file,
    range: { start: { line, character }, end: { line, character: character + 3 } },
    message: message(text),
    fixes: [],
  };
}

function input(findings: Finding[], extra: Partial<CheckResult> = {}, options: Partial<FormatInput> = {}): FormatInput {
  return {
    result: { findings, files: ['a.md', 'b.md'], skipped: [], fixed: [], ...extra },
    quiet: false,
    root: '/work/ws',
    cwd: '/work',
    locale: 'en',
    color: false,
    version: '9.9.9',
    ...options,
  };
}

describe('formatters', () => {
  describe('stylish', () => {
    it('aligns rows per file and sums up by severity', () => {
      const out = stylish(
        input([
          finding('docs/a.md', 0, 0, 'error', 'First.'),
          finding('docs/a.md', 11, 14, 'warning', 'A longer message.', 'int-doc/placeholder'),
          finding('docs/b.md', 2, 4, 'info', 'Note.'),
        ]),
      );
      assert.equal(
        out,
        [
          '',
          'ws/docs/a.md',
          '   1:1   error    First.             int-doc/file-name',
          '  12:15  warning  A longer message.  int-doc/placeholder',
          '',
          'ws/docs/b.md',
          '  3:5  info  Note.  int-doc/file-name',
          '',
          '\u2716 3 problems (1 error, 1 warning, 1 info)',
          '',
        ].join('\n'),
      );
    });

    it('counts what --fix can fix and what it fixed', () => {
      const fixable = finding('a.md', 0, 0, 'warning', 'Fixable.');
      fixable.fixes = [{ title: message('Fix it'), edits: [], safe: true }];
      const suggestion = finding('a.md', 1, 0, 'warning', 'Only a suggestion.');
      suggestion.fixes = [{ title: message('Maybe'), edits: [], safe: false }];
      const out = stylish(input([fixable, suggestion], { fixed: [{ file: 'b.md', applied: 2 }] }));
      assert.deepEqual(out.split('\n').slice(-4), [
        '\u2716 2 problems (0 errors, 2 warnings, 0 infos)',
        '  Fixable with the --fix option: 1 problem.',
        '\u2714 Fixed 2 problems in 1 file.',
        '',
      ]);
    });

    it('says how many files it checked when there is nothing to report', () => {
      assert.equal(stylish(input([])), '\u2714 No problems found in 2 files.\n');
      assert.equal(stylish(input([], { files: ['a.md'] }, { quiet: true })), '\u2714 No errors found in 1 file.\n');
    });

    it('keeps a message with line breaks or escape sequences on its row', () => {
      const out = stylish(input([finding('a.md', 0, 0, 'error', 'Found "x\n  9:9  error  forged\u001b[2J".')]));
      assert.equal(out.split('\n')[2], '  1:1  error  Found "x   9:9  error  forged [2J".  int-doc/file-name');
    });

    it('colors severities and the summary when asked to', () => {
      const out = stylish(input([finding('a.md', 0, 0, 'error', 'Bad.')], {}, { color: true }));
      assert.ok(out.includes('\u001b[31merror\u001b[39m'));
      assert.ok(out.includes('\u001b[4mws/a.md\u001b[24m'));
    });
  });

  describe('json', () => {
    it('writes one flat object per finding, positions 1-based, fixes with their safety', () => {
      const f = finding('docs/a.md', 4, 2, 'warning', 'Expected {0}; found {1}.');
      f.message = message('Expected {0}; found {1}.', 'SI', 'si');
      f.fixes = [{ title: message('Write "{0}"', 'SI'), edits: [{ range: f.range, newText: 'SI' }], safe: true }];
      f.data = { expected: 'SI' };
      assert.deepEqual(JSON.parse(json(input([f, finding('b.md', 0, 0, 'error', 'Bad.')]))), [
        {
          file: 'docs/a.md',
          ruleId: 'int-doc/file-name',
          severity: 'warning',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 6,
          message: 'Expected SI; found si.',
          fixes: [{ title: 'Write "SI"', safe: true }],
          data: { expected: 'SI' },
        },
        { file: 'b.md', ruleId: 'int-doc/file-name', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 4, message: 'Bad.', fixes: [] },
      ]);
    });

    it('writes an empty array when there is nothing to report', () => {
      assert.equal(json(input([])), '[]\n');
    });
  });

  describe('sarif', () => {
    it('gives a rule the registry does not list its own descriptor, so every ruleIndex resolves', () => {
      const log = JSON.parse(sarif(input([finding('a.md', 0, 0, 'error', 'Bad.', 'test/unlisted')]))) as Log;
      const rules = log.runs[0].tool.driver.rules ?? [];
      assert.equal(rules.length, RULES.length + 1);
      const result = log.runs[0].results?.[0];
      assert.equal(rules[result?.ruleIndex ?? -1].id, 'test/unlisted');
    });

    it('maps severities to SARIF levels', () => {
      const log = JSON.parse(sarif(input([finding('a.md', 0, 0, 'error', 'E.'), finding('a.md', 1, 0, 'warning', 'W.'), finding('a.md', 2, 0, 'info', 'I.')]))) as Log;
      assert.deepEqual(log.runs[0].results?.map((r) => r.level), ['error', 'warning', 'note']);
    });
  });
});
