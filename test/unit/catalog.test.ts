import { strict as assert } from 'node:assert';
import { allKnownPrefixes, envPrefixesFor, findProvider, PROVIDERS, providersNamed } from '../../server/src/engine/catalog/providers';
import { defaultConfig } from '../../server/src/engine/config/config';
import { conformsToEnvNaming } from '../../server/src/engine/env/naming';
import { TIPO_VALUES } from '../../server/src/engine/intdoc/template';

describe('catalog: providers', () => {
  it('has the directive\'s providers, each entry complete and consistent', () => {
    assert.deepEqual(PROVIDERS.map((p) => p.id), [
      'stripe', 'twilio', 'sendgrid', 'aws', 'gcp', 'google', 'facebook', 'apple', 'paypal', 'mercadopago', 'whatsapp', 'slack', 'github',
    ]);
    for (const provider of PROVIDERS) {
      assert.ok((TIPO_VALUES as readonly string[]).includes(provider.tipo), `${provider.id}: tipo ${provider.tipo}`);
      assert.match(provider.docsUrl, /^https:\/\//, provider.id);
      assert.ok(provider.credentials.some((c) => c.required), `${provider.id}: no required credential`);
      // The catalog's own names must pass the naming rule for a doc about that provider.
      for (const credential of provider.credentials) {
        assert.ok(conformsToEnvNaming(credential.name, envPrefixesFor(provider.name)), `${provider.id}: ${credential.name}`);
        assert.ok(credential.description.length > 0);
      }
    }
  });

  it('uses the providers\' documented env vars', () => {
    const names = (id: string) => PROVIDERS.find((p) => p.id === id)!.credentials.map((c) => c.name);
    assert.deepEqual(names('aws').slice(0, 4), ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_S3_BUCKET']);
    assert.deepEqual(names('twilio').slice(0, 2), ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN']);
    assert.deepEqual(names('mercadopago').slice(0, 2), ['MERCADOPAGO_ACCESS_TOKEN', 'MERCADOPAGO_PUBLIC_KEY']);
    assert.deepEqual(names('paypal').slice(0, 2), ['PAYPAL_CLIENT_ID', 'PAYPAL_CLIENT_SECRET']);
    assert.deepEqual(names('whatsapp').slice(0, 2), ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_ACCESS_TOKEN']);
    assert.ok(names('stripe').includes('STRIPE_WEBHOOK_SECRET'));
    assert.ok(names('sendgrid').includes('SENDGRID_API_KEY'));
  });

  it('finds a provider however Proveedor writes it', () => {
    const id = (text: string) => findProvider(text)?.id;
    assert.equal(id('Stripe'), 'stripe');
    assert.equal(id('Stripe Inc'), 'stripe');
    assert.equal(id('stripe, inc.'), 'stripe');
    assert.equal(id('Amazon S3'), 'aws');
    assert.equal(id('AWS (S3)'), 'aws');
    assert.equal(id('Amazon Web Services'), 'aws');
    assert.equal(id('Mercado Pago'), 'mercadopago');
    assert.equal(id('MercadoPago'), 'mercadopago');
    assert.equal(id('Mercado-Pago'), 'mercadopago');
    assert.equal(id('Twilio SendGrid'), 'sendgrid');
    assert.equal(id('Send Grid'), 'sendgrid');
    assert.equal(id('Google Cloud Platform'), 'gcp');
    assert.equal(id('Google'), 'google');
    assert.equal(id('Sign in with Apple'), 'apple');
    assert.equal(id('WhatsApp Business API'), 'whatsapp');
    assert.equal(id('API de Stripe'), 'stripe');
    assert.equal(id('Acme Pay'), undefined);
    assert.equal(id(''), undefined);
  });

  it('knows when Proveedor names more than one provider', () => {
    assert.deepEqual(providersNamed('Twilio WhatsApp').map((p) => p.id), ['twilio', 'whatsapp']);
    assert.deepEqual(providersNamed('Meta').map((p) => p.id), ['facebook', 'whatsapp']);
  });

  it('gives the accepted env var prefixes, the suggested one first', () => {
    assert.deepEqual(envPrefixesFor('Stripe Inc'), ['STRIPE']);
    assert.deepEqual(envPrefixesFor('AWS (S3)'), ['AWS', 'S3']);
    assert.deepEqual(envPrefixesFor('Google Cloud'), ['GCP', 'GOOGLE_CLOUD', 'GOOGLE']);
    assert.deepEqual(envPrefixesFor('MercadoPago'), ['MERCADOPAGO', 'MP']);
    assert.deepEqual(envPrefixesFor('Meta'), ['FACEBOOK', 'META', 'FB', 'WHATSAPP']);
    assert.deepEqual(envPrefixesFor('Twilio WhatsApp'), ['TWILIO', 'WHATSAPP', 'META']);
  });

  it('derives the prefix of a provider the catalog does not know', () => {
    assert.deepEqual(envPrefixesFor('Acme Pay'), ['ACME_PAY', 'ACME']);
    assert.deepEqual(envPrefixesFor('Acme Pay, Inc.'), ['ACME_PAY', 'ACME']);
    assert.deepEqual(envPrefixesFor('Conekta S.A. de C.V.'), ['CONEKTA']);
    assert.deepEqual(envPrefixesFor('Clip (Pagos)'), ['CLIP']);
    assert.deepEqual(envPrefixesFor('Señal Pagos'), ['SENAL_PAGOS', 'SENAL']);
    assert.deepEqual(envPrefixesFor(''), []);
  });

  it('adds configured aliases keyed by provider id or by provider name', () => {
    assert.deepEqual(envPrefixesFor('Mercado Pago', { mercadopago: ['MPAGO'] }), ['MERCADOPAGO', 'MP', 'MPAGO']);
    assert.deepEqual(envPrefixesFor('MercadoPago', { 'Mercado Pago': ['MPAGO'] }), ['MERCADOPAGO', 'MP', 'MPAGO']);
    assert.deepEqual(envPrefixesFor('Acme Pay', { 'acme pay': ['AP'] }), ['ACME_PAY', 'ACME', 'AP']);
    assert.deepEqual(envPrefixesFor('Stripe', { twilio: ['TW'] }), ['STRIPE']);
  });

  it('lists every known prefix, longest first, configured ones included', () => {
    const config = { ...defaultConfig(), providerAliases: { acme: ['ACME'] } };
    const all = allKnownPrefixes(config);
    for (const prefix of ['STRIPE', 'AWS', 'S3', 'GOOGLE_CLOUD', 'GOOGLE', 'MERCADOPAGO', 'MP', 'WHATSAPP', 'META', 'GITHUB', 'ACME']) {
      assert.ok(all.includes(prefix), prefix);
    }
    assert.equal(new Set(all).size, all.length);
    assert.ok(all.indexOf('GOOGLE_CLOUD') < all.indexOf('GOOGLE'));
    // Ties in length in the order ICU's collation gives them (which prefix a glued name suggests first).
    const glued = (prefix: string): number => prefix.replace(/_/g, '').length;
    assert.deepEqual(all, [...all].sort((a, b) => glued(b) - glued(a) || a.localeCompare(b)));
    assert.equal(allKnownPrefixes(config), all, 'cached per configuration');
  });
});
