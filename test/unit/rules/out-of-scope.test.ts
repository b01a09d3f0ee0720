import { strict as assert } from 'node:assert';
import { findUrls, isExampleHost, isInternalHost } from '../../../server/src/engine/hosts';
import rule from '../../../server/src/engine/rules/int-doc/out-of-scope';
import { covered, fixAll, lintCase, replaceOnce, show, type LintCase } from '../../helpers';

const STRIPE = 'docs/02-integraciones/INT-001-stripe.md';
const TWILIO_SMS = 'docs/02-integraciones/INT-002-twilio-sms.md';
const TWILIO_CRLF = 'docs/02-integraciones/INT-003-twilio-whatsapp.md';
const CLEAN_DOCS = [STRIPE, TWILIO_SMS, TWILIO_CRLF];

const lint = (c: Omit<LintCase, 'rules'>) => lintCase({ ...c, rules: [rule] });
const lines = (c: Omit<LintCase, 'rules'>): string[] => {
  const { text, findings } = lint(c);
  return findings.map((f) => `${show(f)} | ${covered(text, f)}`);
};

const STRIPE_ENDPOINTS = [
  '| Crear cobro | POST /v1/payment_intents | Crea el PaymentIntent del checkout |',
  '| Consultar cobro | GET /v1/payment_intents/:id | Estado del cobro para conciliacion |',
  '| Crear suscripcion | POST /v1/subscriptions | Alta del plan del tenant |',
].join('\n');

/** The Stripe fixture turned into a doc for another provider with these endpoint rows. */
function serviceDoc(proveedor: string, rows: string[]): (text: string) => string {
  return (text) => replaceOnce(replaceOnce(text, '| Proveedor | Stripe |', `| Proveedor | ${proveedor} |`), STRIPE_ENDPOINTS, rows.join('\n'));
}

const INTERNAL_MESSAGE = (hosts: string) =>
  `int-doc/out-of-scope The directive does not apply to internal services (section 2.2): every endpoint of this doc is on an internal host (${hosts}). Expected an INT doc only for a service outside the project's control.`;

describe('int-doc/out-of-scope', () => {
  it('finds nothing in the clean docs (CRLF and BOM included), with or without internal providers configured', () => {
    for (const path of CLEAN_DOCS) {
      assert.deepEqual(lines({ path }), [], path);
      assert.deepEqual(lines({ path, config: { internalProviders: ['Servicio de Usuarios', 'api-gateway'] } }), [], path);
    }
  });

  it('warns on a doc whose Proveedor is listed in internalProviders, comparing without case, accents or punctuation', () => {
    const edit = (text: string) => replaceOnce(text, '| Proveedor | Stripe |', '| Proveedor | Servicio de Facturación |');
    assert.deepEqual(lines({ path: STRIPE, edit, config: { internalProviders: ['servicio-de-facturacion'] } }), [
      '8:15 int-doc/out-of-scope The directive does not apply to internal services (section 2.2): Proveedor "Servicio de Facturación" is listed in internalProviders. Expected an INT doc only for a service outside the project\'s control. | Servicio de Facturación',
    ]);
    const { findings } = lint({ path: STRIPE, edit, config: { internalProviders: ['SERVICIO DE FACTURACION'] } });
    assert.equal(findings[0].severity, 'warning');
    assert.deepEqual(findings[0].fixes, []);
    assert.equal(fixAll({ path: STRIPE, edit, rules: [rule], config: { internalProviders: ['servicio de facturacion'] } }), edit(lint({ path: STRIPE }).text), 'nothing to fix');
  });

  it('takes the configured list at its word, even for a provider the catalog knows', () => {
    assert.equal(lines({ path: STRIPE, config: { internalProviders: ['Stripe'] } }).length, 1);
  });

  it('warns at the first endpoint URL when every endpoint is on an internal host', () => {
    const edit = serviceDoc('Servicio de Usuarios', [
      '| Crear usuario | POST http://users.default.svc.cluster.local/api/users | Alta |',
      '| Perfil | [GET /profile](http://localhost:4000/api/profile) | Datos del perfil |',
      '| Salud | GET http://10.0.3.7:8080/health. | Chequeo |',
      '| Cola | POST http://payments:8080/charge | Servicio de docker-compose |',
      '| Usuarios | GET http://users.default.svc.cluster.local/api/users/:id | Detalle |',
    ]);
    assert.deepEqual(lines({ path: STRIPE, edit }), [
      `34:24 ${INTERNAL_MESSAGE('users.default.svc.cluster.local, localhost, 10.0.3.7, …')} | http://users.default.svc.cluster.local/api/users`,
    ]);
    const { findings } = lint({ path: STRIPE, edit });
    assert.equal(findings[0].data?.hosts, 'users.default.svc.cluster.local,localhost,10.0.3.7,payments');
  });

  it('says nothing when one endpoint is external, when endpoints are paths without a host, or when only a description mentions an internal URL', () => {
    const mixed = serviceDoc('Servicio de Usuarios', ['| Crear | POST http://localhost:4000/api/users | Alta |', '| Consultar | GET https://api.acme-partner.com/v2/users | Socio externo |']);
    assert.deepEqual(lines({ path: STRIPE, edit: mixed }), []);
    const paths = serviceDoc('Servicio de Usuarios', ['| Crear | POST /api/users | Alta |']);
    assert.deepEqual(lines({ path: STRIPE, edit: paths }), []);
    const described = serviceDoc('Servicio de Usuarios', ['| Crear | POST /api/users | Probado contra http://localhost:4000 |']);
    assert.deepEqual(lines({ path: STRIPE, edit: described }), []);
  });

  it('trusts the catalog: a known provider with a local mock in its endpoints is still external', () => {
    const edit = (text: string) => replaceOnce(text, STRIPE_ENDPOINTS, '| Crear cobro | POST http://localhost:12111/v1/payment_intents | stripe-mock en local |');
    assert.deepEqual(lines({ path: STRIPE, edit }), []);
  });

  it('points at the right characters in a CRLF file with a BOM', () => {
    const edit = (text: string) =>
      replaceOnce(
        replaceOnce(text, '| Proveedor | Twilio |', '| Proveedor | Notificador Interno |'),
        '| Enviar SMS | POST /2010-04-01/Accounts/:sid/Messages.json | Envia el OTP |',
        '| Enviar SMS | POST http://127.0.0.1:9000/sms | Envia el OTP |',
      ).replace('| Consultar mensaje | GET /2010-04-01/Accounts/:sid/Messages/:id.json | Estado de entrega |', '| Consultar mensaje | GET http://[::1]:9000/sms/:id | Estado de entrega |');
    assert.deepEqual(lines({ path: TWILIO_CRLF, edit }), [`33:21 ${INTERNAL_MESSAGE('127.0.0.1, ::1')} | http://127.0.0.1:9000/sms`]);
  });
});

describe('hosts', () => {
  it('tells internal hosts from public ones', () => {
    const internal = ['localhost', 'api.localhost', '127.0.0.1', '10.20.30.40', '172.16.0.1', '172.31.255.1', '192.168.1.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd12:3456::1', 'fe80::1', 'printer.local', 'users.default.svc.cluster.local', 'billing.default.svc', 'vault.internal', 'nas.home.arpa', 'payments'];
    const external = ['api.stripe.com', '8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2001:db8::1', 'local.acme.io', 'internal-api.acme.com', '{host}', ''];
    assert.deepEqual(internal.filter((host) => !isInternalHost(host)), []);
    assert.deepEqual(external.filter((host) => isInternalHost(host)), []);
  });

  it('knows the documentation hosts', () => {
    assert.deepEqual(['example.com', 'api.example.org', 'example', 'app.test', 'x.invalid', 'examples.com', 'example.io'].map(isExampleHost), [true, true, true, true, true, false, false]);
  });

  it('finds scheme URLs and bare local addresses, with their hosts, leaving out Markdown punctuation', () => {
    assert.deepEqual(
      findUrls('see [docs](https://User:pw@API.Stripe.com./v1), <http://[::1]:80/x>, localhost:3000/api and 10.0.0.1. End.').map((u) => `${u.url} ${u.host}`),
      ['https://User:pw@API.Stripe.com./v1 api.stripe.com', 'http://[::1]:80/x ::1', 'localhost:3000/api localhost', '10.0.0.1 10.0.0.1'],
    );
  });
});
