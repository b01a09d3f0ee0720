import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFixedFile } from '../../server/src/workspace/fix-writer';
import { removeTempDirs, tempDir } from '../cli/workspace';
import { CLEAN, readFixture } from '../helpers';
import { bundleIn } from './odd-workspaces';

// How `check --fix` writes files back (server/src/workspace/fix-writer.ts),
// on real files through the bundled CLI: a write that fails halfway leaves
// the file as it was (never half of it), the file keeps its mode, owner,
// symbolic link, BOM and line breaks, a read-only file stays unwritten, and
// a file the user changed after it was read is left as the user saved it.

const DOC = 'docs/02-integraciones/INT-001-stripe.md';
const asRoot = process.getuid?.() === 0;
/** The clean Stripe doc with the one mistake a safe fix settles: the title's code written INT-1. */
const BROKEN = readFixture(CLEAN, DOC).replace('# INT-001: Stripe\n', '# INT-1: Stripe\n');
const FIXED = readFixture(CLEAN, DOC);

/** A workspace holding only the doc (with `text`), in a folder `nobody` can traverse, with its own copy of the bundle. */
function workspace(text: string | Buffer = BROKEN): { root: string; cli: string; doc: string } {
  const dir = tempDir();
  const cli = bundleIn(dir, 'cli.js');
  const root = join(dir, 'ws');
  mkdirSync(join(root, 'docs', '02-integraciones'), { recursive: true });
  const doc = join(root, DOC);
  writeFileSync(doc, text);
  return { root, cli, doc };
}

function run(command: string, args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fix = (cli: string, root: string) => run(process.execPath, [cli, 'check', '.', '--fix', '--format', 'json'], root);
const docFindings = (stdout: string): string[] => (JSON.parse(stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId);

describe('check --fix writes files back atomically and only over what it read', function () {
  this.timeout(60_000);
  after(removeTempDirs);

  it('leaves the whole file as it was when the write fails halfway (a file size limit: EFBIG), and no temporary file', () => {
    // A long doc, so the fixed text cannot be written within the limit: written in place, the file was cut at 64 KiB.
    const long = BROKEN + `\n${'Notas de la integracion, una linea larga de texto. '.repeat(40)}\n`.repeat(100);
    const { root, cli, doc } = workspace(long);
    const result = run('/bin/sh', ['-c', `ulimit -f 64 && exec "${process.execPath}" "${cli}" check . --fix --format json`], root);
    assert.equal(result.stderr, `simco-int: Skipped "${DOC}": Cannot write the fixes to this file (EFBIG); it was checked but not fixed.\n`);
    const now = readFileSync(doc, 'utf8');
    assert.ok(now === long, `the file is whole, unfixed: ${Buffer.byteLength(long)} bytes, now ${Buffer.byteLength(now)} starting "${now.slice(0, 16)}"`);
    assert.deepEqual(readdirSync(join(root, 'docs', '02-integraciones')), ['INT-001-stripe.md'], 'no temporary file is left');
    assert.equal(result.code, 1, 'the finding the fix would have settled is still reported');
    assert.ok(docFindings(result.stdout).includes('int-doc/title'));
  });

  it('keeps the file\'s mode and owner, and writes through a symbolic link to the file it points to', () => {
    const { root, cli, doc } = workspace();
    chmodSync(doc, 0o640);
    if (asRoot) chownSync(doc, 65534, 65534);
    const outside = join(root, '..', 'elsewhere');
    mkdirSync(outside);
    const target = join(outside, 'INT-002-twilio-sms.md');
    writeFileSync(target, readFixture(CLEAN, 'docs/02-integraciones/INT-002-twilio-sms.md').replace('# INT-002: Twilio SMS\n', '# INT-2: Twilio SMS\n'));
    const link = join(root, 'docs', '02-integraciones', 'INT-002-twilio-sms.md');
    symlinkSync(target, link);

    const result = fix(cli, root);
    assert.equal(result.stderr, '');
    assert.ok(!docFindings(result.stdout).includes('int-doc/title'), 'both docs are fixed');
    assert.equal(readFileSync(doc, 'utf8'), FIXED);
    assert.equal(statSync(doc).mode & 0o7777, 0o640, 'the mode is kept');
    if (asRoot) assert.deepEqual([statSync(doc).uid, statSync(doc).gid], [65534, 65534], 'the owner is kept');
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(readFileSync(target, 'utf8'), readFixture(CLEAN, 'docs/02-integraciones/INT-002-twilio-sms.md'), 'the file it points to is fixed');
    assert.deepEqual(readdirSync(outside), ['INT-002-twilio-sms.md'], 'no temporary file is left beside it');
  });

  it('keeps a BOM, CRLF line breaks and a missing final newline byte for byte, changing only the fixed characters', () => {
    const crlf = (text: string): string => text.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const { root, cli, doc } = workspace(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(BROKEN))]));
    const result = fix(cli, root);
    assert.ok(!docFindings(result.stdout).includes('int-doc/title'));
    assert.deepEqual(readFileSync(doc), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(FIXED))]));
  });

  it('leaves a read-only file unwritten, as the user (a rename would replace it all the same)', () => {
    const { root, cli, doc } = workspace();
    chmodSync(root, 0o777);
    chmodSync(join(root, 'docs'), 0o777);
    chmodSync(join(root, 'docs', '02-integraciones'), 0o777);
    chmodSync(doc, 0o444);
    const argv = [cli, 'check', '.', '--fix', '--format', 'json'];
    const result = asRoot
      ? run('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--reset-env', process.execPath, ...argv], root)
      : run(process.execPath, argv, root);
    assert.equal(result.stderr, `simco-int: Skipped "${DOC}": Cannot write the fixes to this file (EACCES); it was checked but not fixed.\n`);
    assert.equal(readFileSync(doc, 'utf8'), BROKEN);
    assert.deepEqual(readdirSync(join(root, 'docs', '02-integraciones')), ['INT-001-stripe.md']);
  });

  describe('writeFixedFile, with the file changed between its read and its write', () => {
    it('writes nothing over a file saved since it was read, says so, and leaves no temporary file', () => {
      const { doc } = workspace();
      const read = readFileSync(doc);
      const saved = `${BROKEN}\nUna linea que el usuario acaba de guardar.\n`;
      writeFileSync(doc, saved);
      assert.equal(writeFixedFile(doc, read, FIXED), 'changed');
      assert.equal(readFileSync(doc, 'utf8'), saved);
      assert.deepEqual(readdirSync(join(doc, '..')), ['INT-001-stripe.md']);
    });

    it('compares the content, not the size or the time: a same-size edit within the same second is seen', () => {
      const { doc } = workspace();
      const read = readFileSync(doc);
      const saved = BROKEN.replace('Cobros con tarjeta', 'Cobros con TARJETA');
      assert.equal(saved.length, BROKEN.length);
      const { mtime } = statSync(doc);
      writeFileSync(doc, saved);
      assert.ok(statSync(doc).mtime.getTime() - mtime.getTime() < 1000);
      assert.equal(writeFixedFile(doc, read, FIXED), 'changed');
      assert.equal(readFileSync(doc, 'utf8'), saved);
    });

    it('writes the fixed text over a file that still holds what was read', () => {
      const { doc } = workspace();
      assert.equal(writeFixedFile(doc, readFileSync(doc), FIXED), 'written');
      assert.equal(readFileSync(doc, 'utf8'), FIXED);
      assert.deepEqual(readdirSync(join(doc, '..')), ['INT-001-stripe.md']);
    });
  });
});
