import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { parseIntDoc } from '../../server/src/engine/intdoc/model';
import { sectionSkeleton } from '../../server/src/engine/intdoc/skeleton';
import { TEMPLATE_SECTIONS } from '../../server/src/engine/intdoc/template';
import { FIXTURES, readFixture } from '../helpers';

// The template is written down in the engine as data (names, columns, the
// bodies fixes insert). Put back together, it must be the directive's
// template to the character: test/fixtures/workspaces/template holds it as
// extracted from SIMCO-INTEGRACIONES-EXTERNAS.md, section 3.2.

describe('the template as data', () => {
  it('rebuilds the directive\'s template exactly', () => {
    const directive = readFixture(join(FIXTURES, 'workspaces', 'template'), 'docs/02-integraciones/INT-009-plantilla.md');
    // The directive writes its links from a doc one folder below the root.
    const sections = TEMPLATE_SECTIONS.map((section) => sectionSkeleton(section.name, 'docs/INT-009-plantilla.md').join('\n'));
    const [metadata, ...rest] = sections;
    const rebuilt = ['# INT-{NNN}: {Nombre Integracion}', metadata, '---', ...rest, '---', '**Ultima actualizacion:** {YYYY-MM-DD}'].join('\n\n') + '\n';
    assert.equal(rebuilt, directive);
  });
});

describe('TEMPLATE_SECTIONS', () => {
  it('names the sections, subsections and table columns the directive\'s template has, in its order', () => {
    const path = 'docs/02-integraciones/INT-009-plantilla.md';
    const doc = parseIntDoc(path, readFixture(join(FIXTURES, 'workspaces', 'template'), path));
    assert.deepEqual(
      doc.sections.map((s) => [s.heading.text, s.tables[0]?.header.map((c) => c.text), s.subsections.map((sub) => sub.heading.text)]),
      TEMPLATE_SECTIONS.map((s) => [s.name, s.columns, s.subsections ?? []]),
    );
  });
});
