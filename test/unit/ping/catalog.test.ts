import { strict as assert } from 'node:assert';
import schema from '../../../schemas/simco-int.config.schema.json';
import { PINGS } from '../../../server/src/engine/catalog/pings';
import { PROVIDERS } from '../../../server/src/engine/catalog/providers';
import { pingTargets } from '../../../server/src/engine/ping/plan';

describe('ping catalog', () => {
  it('has a ping for at least the directive\'s providers, each keyed by a catalog id', () => {
    const ids = PROVIDERS.map((provider) => provider.id);
    for (const id of Object.keys(PINGS)) assert.ok(ids.includes(id), id);
    for (const id of ['stripe', 'twilio', 'sendgrid', 'mercadopago', 'paypal', 'whatsapp', 'aws']) assert.ok(PINGS[id], id);
  });

  it('lists exactly the providers with a ping as the config schema\'s ping.baseUrls keys', () => {
    const keys = schema.properties.ping.properties.baseUrls.propertyNames.enum;
    assert.deepEqual([...keys].sort(), pingTargets().map((t) => t.provider.id).sort());
  });

  it('refers only to variables it declares, reads each from the provider\'s prefix, and knows the test prefixes of every test-only one', () => {
    for (const { provider, spec } of pingTargets()) {
      const keys = new Set(spec.variables.map((variable) => variable.key));
      const captured = new Set(spec.steps.flatMap((step) => (step.capture ? [step.capture.as] : [])));
      for (const placeholder of [spec.baseUrl, ...spec.steps.map((step) => step.path)].join(' ').matchAll(/\{(\w+)\}/g)) assert.ok(keys.has(placeholder[1]), `${provider.id}: {${placeholder[1]}}`);
      for (const step of spec.steps) {
        for (const [field, key] of Object.entries(step.auth)) if (field !== 'scheme' && field !== 'service') assert.ok(keys.has(key) || captured.has(key), `${provider.id}: ${key}`);
      }
      const prefixes = [provider.envPrefix, ...provider.aliases];
      for (const variable of spec.variables) {
        for (const name of variable.names) assert.ok(prefixes.some((prefix) => name.startsWith(`${prefix}_`)), `${provider.id}: ${name}`);
        if (!variable.testOnly) continue;
        const test = provider.secrets.filter((format) => format.mode === 'test' && format.envVar !== undefined && variable.names.includes(format.envVar));
        assert.ok(test.length > 0, `${provider.id}: ${variable.key} is test-only but the catalog knows no test format for it`);
      }
      assert.match(spec.docsUrl, /^https:\/\//);
      assert.match(spec.baseUrl, /^https:\/\//);
    }
  });
});
