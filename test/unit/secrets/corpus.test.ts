import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../../server/src/engine/config/config';
import { lintText } from '../../../server/src/engine/lint';
import { localize } from '../../../server/src/engine/messages';
import type { Finding } from '../../../server/src/engine/types';
import { covered, show } from '../../helpers';
import { CORPUS, type CorpusFile, corpusFile, corpusFiles } from './corpus';
import { SECRET_RULES } from './rules';

// Runs every corpus file through the secret rules and compares with
// expected.json (next to the files): exactly what is flagged, where, with
// which message, and which characters each finding covers. Slot values are
// written there as «slot» so the file holds no generated secret.
// UPDATE_EXPECTED=1 rewrites expected.json from the current results; review the diff.

interface Expected {
  finding: string;
  covers: string;
}

const EXPECTED_FILE = join(CORPUS, 'expected.json');
const expected = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Record<string, Expected[]>;
const actual: Record<string, Expected[]> = {};

function lint(file: CorpusFile): Finding[] {
  return lintText(file.path, file.text, { config: defaultConfig(), workspace: { exists: () => false }, rules: SECRET_RULES });
}

/** The covered text, with a slot's value written as its «name». */
function describeCover(file: CorpusFile, text: string): string {
  const slot = file.slots.find((s) => s.value === text);
  return slot ? `«${slot.name}»` : text;
}

/** Everything a finding shows anywhere: message in both locales, fix titles, data. */
function outputs(finding: Finding): string {
  return [localize(finding.message), localize(finding.message, 'es'), ...finding.fixes.map((f) => localize(f.title)), JSON.stringify(finding.data ?? {})].join('\n');
}

/** The secret's own characters: without the published prefix its redacted form keeps (`sk_live_`) or a PEM block's armour lines. */
function material(secret: string, finding: Finding): string {
  const prefix = (finding.data?.redacted ?? '').split('…')[0];
  const own = prefix && secret.startsWith(prefix) ? secret.slice(prefix.length) : secret;
  return own.replace(/-----(?:BEGIN|END) [A-Z ]+-----/g, '');
}

describe('secret corpus', () => {
  after(() => {
    if (process.env.UPDATE_EXPECTED) writeFileSync(EXPECTED_FILE, `${JSON.stringify(actual, null, 2)}\n`);
  });

  for (const folder of ['positives', 'negatives']) {
    for (const path of corpusFiles(folder)) {
      it(`${path}: ${folder === 'negatives' ? 'nothing' : 'exactly the secrets'} flagged, secrets never shown`, () => {
        const file = corpusFile(path);
        const findings = lint(file);
        const results = findings.map((f) => ({ finding: show(f), covers: describeCover(file, covered(file.text, f)) }));
        actual[path] = results;
        if (folder === 'negatives') assert.deepEqual(results, []);
        else assert.ok(results.length > 0, 'a positive file with no finding');
        for (const finding of findings) {
          const secret = material(covered(file.text, finding), finding);
          const shown = outputs(finding);
          // No six consecutive characters of the secret appear in any output (the redacted tail is four).
          for (let i = 0; i + 6 <= secret.length; i++) assert.ok(!shown.includes(secret.slice(i, i + 6)), `${show(finding)} shows "${secret.slice(i, i + 6)}"`);
        }
        // Every slot of a positive file is found, covered exactly.
        if (folder === 'positives') for (const slot of file.slots) assert.ok(results.some((r) => r.covers === `«${slot.name}»`), `«${slot.name}» not found`);
        if (!process.env.UPDATE_EXPECTED) assert.deepEqual(results, expected[path] ?? [], 'differs from expected.json (UPDATE_EXPECTED=1 rewrites it)');
      });
    }
  }

  it('expected.json names no file that is gone', () => {
    const files = new Set([...corpusFiles('positives'), ...corpusFiles('negatives')]);
    assert.deepEqual(Object.keys(expected).filter((path) => !files.has(path)), []);
  });
});
