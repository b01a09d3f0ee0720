// The "Generate INT doc" command's own texts in VS Code, translated by
// vscode.l10n.t from l10n/bundle.l10n.<locale>.json. No vscode import here, so
// the translation test can read them. Refusals come translated from the server.

export const GENERATE_CLIENT_TEMPLATES = {
  title: 'SIMCO: Generate INT doc',
  pickProvider: 'The provider of the integration',
  other: 'Other...',
  otherDetail: 'A provider the catalog does not know: its credentials stay as placeholders to fill',
  providerName: 'The provider\'s name, as the Proveedor row says it',
  integrationName: 'The integration\'s name: the title, and in kebab-case the file name',
  needsLetter: 'Expected a letter or digit.',
  pickTipo: 'Tipo: what the integration is for',
  fromProvider: 'the provider\'s usual Tipo',
  pickEstado: 'Estado: a new doc usually starts Pendiente',
  pickMultiTenant: 'Multi-tenant: does each tenant have its own credentials or configuration?',
  pickModel: 'Credential model (directive 7.1)',
  modelGlobal: 'One credential for every tenant',
  modelPorTenant: 'Each tenant its own credentials',
  modelHibrido: 'Global, with a per-tenant override',
  noFolder: 'Open a folder first: the INT doc is written into the workspace.',
  notRunning: 'The simco-int language server is not running; start it to generate an INT doc.',
  failed: 'Could not generate the INT doc: {0}',
} as const;
