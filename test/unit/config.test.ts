import { strict as assert } from 'node:assert';
import { defaultConfig, parseConfig } from '../../server/src/engine/config/config';
import { RULE_IDS } from '../../server/src/engine/rules';
import { show } from '../helpers';

const parse = (text: string) => parseConfig('simco-int.config.json', text, RULE_IDS);

describe('simco-int.config.json', () => {
  it('reads a valid file, adding to the default non-integration variables', () => {
    const { config, findings } = parse(
      JSON.stringify({
        docsFolder: './apps/*/docs/02-integraciones/',
        tipos: ['Mensajeria'],
        providerAliases: { mercadopago: ['MP'] },
        nonIntegrationVars: ['SENTRY_DSN'],
        rules: { 'int-doc/section-order': 'off', 'env/naming': 'warning' },
        ignore: ['legacy/**'],
      }),
    );
    assert.deepEqual(findings, []);
    assert.equal(config.docsFolder, 'apps/*/docs/02-integraciones');
    assert.deepEqual(config.tipos, ['Mensajeria']);
    assert.ok(config.nonIntegrationVars.includes('SENTRY_DSN') && config.nonIntegrationVars.includes('NODE_ENV'));
    assert.deepEqual(config.rules, { 'int-doc/section-order': 'off', 'env/naming': 'warning' });
  });

  it('reports invalid JSON where it breaks and falls back to the defaults', () => {
    const { config, findings } = parse('{\n  "tipos": ["Mensajeria",]\n}\n');
    assert.deepEqual(findings.map((f) => show(f)), ['2:26 config/invalid Invalid JSON in the configuration: value expected.']);
    assert.deepEqual(config, defaultConfig());
  });

  it('reports each schema problem at its node with a readable message', () => {
    const text = '{\n  "docsFolder": "",\n  "tipos": "Pagos",\n  "ignored": ["legacy/**"],\n  "providerAliases": { "mp": ["mp"] }\n}\n';
    assert.deepEqual(parse(text).findings.map((f) => show(f)), [
      '2:17 config/invalid docsFolder must not be empty.',
      '3:12 config/invalid Expected array for tipos.',
      '4:3 config/invalid Unknown setting "ignored" in the configuration.',
      '5:31 config/invalid providerAliases.mp.0 does not match the expected form ^[A-Z][A-Z0-9]*$.',
    ]);
  });

  it('reports an unknown rule id and a bad severity, both, naming the rule as written', () => {
    const text = '{\n  "rules": {\n    "int-doc/placeholders": "off",\n    "int-doc/title": "warn"\n  }\n}\n';
    assert.deepEqual(parse(text).findings.map((f) => show(f)), [
      '3:5 config/invalid Unknown rule id "int-doc/placeholders".',
      '4:22 config/invalid Expected one of off, info, warning, error for rules.int-doc/title.',
    ]);
  });

  it('says it in Spanish', () => {
    const [finding] = parse('{ "rules": { "int-doc/nope": "off" } }').findings;
    assert.equal(show(finding, 'es'), '1:14 config/invalid Id de regla desconocido "int-doc/nope".');
  });
});
