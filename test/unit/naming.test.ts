import { strict as assert } from 'node:assert';
import { conformsToEnvNaming, envSegments, locatePrefix, nameShape, suggestEnvName } from '../../server/src/engine/env/naming';

describe('env/naming: {PROVIDER}_{TIPO} names', () => {
  it('splits names however they are written', () => {
    assert.deepEqual(envSegments('stripeApiKey'), ['STRIPE', 'API', 'KEY']);
    assert.deepEqual(envSegments('stripe-api-key'), ['STRIPE', 'API', 'KEY']);
    assert.deepEqual(envSegments('Stripe.ApiKey'), ['STRIPE', 'API', 'KEY']);
    assert.deepEqual(envSegments('STRIPEApiKey'), ['STRIPE', 'API', 'KEY']);
    assert.deepEqual(envSegments('awsS3Bucket'), ['AWS', 'S3', 'BUCKET']);
    assert.deepEqual(envSegments('__STRIPE__KEY_'), ['STRIPE', 'KEY']);
  });

  it('tells the shapes apart', () => {
    assert.equal(nameShape('STRIPE_API_KEY'), 'upper-snake');
    assert.equal(nameShape('TOKEN'), 'upper-snake');
    assert.equal(nameShape('http_proxy'), 'one-case');
    assert.equal(nameShape('__NEXT_X'), 'one-case');
    assert.equal(nameShape('stripeApiKey'), 'mixed');
    assert.equal(nameShape('STRIPE-API-KEY'), 'mixed');
  });

  it('suggests upper snake case', () => {
    assert.equal(suggestEnvName('stripeApiKey'), 'STRIPE_API_KEY');
    assert.equal(suggestEnvName('stripe-api-key'), 'STRIPE_API_KEY');
    assert.equal(suggestEnvName('Stripe.ApiKey'), 'STRIPE_API_KEY');
    assert.equal(suggestEnvName('stripe_api_key'), 'STRIPE_API_KEY');
  });

  it('returns undefined for a conforming name, or when no conforming name can be made', () => {
    assert.equal(suggestEnvName('STRIPE_API_KEY'), undefined);
    assert.equal(suggestEnvName('STRIPE_API_KEY', ['STRIPE']), undefined);
    assert.equal(suggestEnvName('TOKEN'), undefined);
    assert.equal(suggestEnvName('token'), undefined);
    assert.equal(suggestEnvName('STRIPE', ['STRIPE']), undefined);
  });

  it('puts the provider first when its prefixes are given', () => {
    assert.equal(suggestEnvName('API_KEY_STRIPE', ['STRIPE']), 'STRIPE_API_KEY');
    assert.equal(suggestEnvName('SECRET_KEY', ['STRIPE']), 'STRIPE_SECRET_KEY');
    assert.equal(suggestEnvName('STRIPEKEY', ['STRIPE']), 'STRIPE_KEY');
    assert.equal(suggestEnvName('apiKeyStripe', ['STRIPE']), 'STRIPE_API_KEY');
    assert.equal(suggestEnvName('BUCKET', ['AWS', 'S3']), 'AWS_BUCKET');
    assert.equal(suggestEnvName('BUCKET_S3', ['AWS', 'S3']), 'S3_BUCKET');
  });

  it('handles multi-segment prefixes, glued or split', () => {
    assert.equal(suggestEnvName('PROJECT_GOOGLE_CLOUD', ['GCP', 'GOOGLE_CLOUD']), 'GOOGLE_CLOUD_PROJECT');
    assert.equal(suggestEnvName('GOOGLECLOUDPROJECT', ['GOOGLE_CLOUD']), 'GOOGLE_CLOUD_PROJECT');
    assert.equal(suggestEnvName('PROJECT', ['GOOGLE_CLOUD']), 'GOOGLE_CLOUD_PROJECT');
    assert.ok(conformsToEnvNaming('GOOGLE_CLOUD_PROJECT', ['GCP', 'GOOGLE_CLOUD']));
    assert.ok(conformsToEnvNaming('MERCADO_PAGO_ACCESS_TOKEN', ['MERCADOPAGO']));
    assert.ok(conformsToEnvNaming('ACMEPAY_API_KEY', ['ACME_PAY', 'ACME']));
    assert.deepEqual(locatePrefix(['API', 'KEY', 'GOOGLE', 'CLOUD'], ['GOOGLE', 'GOOGLE_CLOUD']), { prefix: 'GOOGLE_CLOUD', index: 2, length: 2 });
  });

  it('checks conformance: upper snake, two segments, the provider first with a type after it', () => {
    assert.ok(conformsToEnvNaming('STRIPE_API_KEY'));
    assert.ok(conformsToEnvNaming('STRIPE_API_KEY', ['STRIPE']));
    assert.ok(conformsToEnvNaming('AWS_S3_BUCKET', ['AWS', 'S3']));
    assert.ok(conformsToEnvNaming('S3_BUCKET', ['AWS', 'S3']));
    assert.ok(!conformsToEnvNaming('TOKEN'));
    assert.ok(!conformsToEnvNaming('stripe_api_key'));
    assert.ok(!conformsToEnvNaming('API_KEY_STRIPE', ['STRIPE']));
    assert.ok(!conformsToEnvNaming('STRIPE', ['STRIPE']));
    assert.ok(!conformsToEnvNaming('STRIPEKEY_X', ['STRIPE']));
  });

  it('lets framework public prefixes come before the provider, and keeps them in suggestions', () => {
    assert.ok(conformsToEnvNaming('NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', ['STRIPE']));
    assert.ok(conformsToEnvNaming('VITE_STRIPE_PUBLISHABLE_KEY', ['STRIPE']));
    assert.equal(suggestEnvName('VITE_API_KEY_STRIPE', ['STRIPE']), 'VITE_STRIPE_API_KEY');
    assert.equal(suggestEnvName('REACT_APP_PUBLISHABLE_KEY', ['STRIPE']), 'REACT_APP_STRIPE_PUBLISHABLE_KEY');
    // Not a framework prefix when nothing would be left: PUBLIC_KEY is a name of its own.
    assert.ok(conformsToEnvNaming('PUBLIC_KEY'));
  });
});
