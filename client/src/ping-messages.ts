// The Sandbox ping command's own texts in VS Code, translated by vscode.l10n.t
// from l10n/bundle.l10n.<locale>.json. No vscode import here, so the
// translation test can read them. The report itself comes translated from the server.

export const PING_CLIENT_TEMPLATES = {
  untrusted: 'Sandbox ping is off in untrusted workspaces: it reads .env and sends credentials over the network. Trust this workspace to use it.',
  notRunning: 'The simco-int language server is not running; start it to use Sandbox ping.',
  pick: 'Which provider\'s sandbox to ping (test credentials from .env)',
  fromCatalog: 'from the catalog',
  progress: 'Sandbox ping {0}…',
  showDetails: 'Show details',
  failed: 'Sandbox ping failed: {0}',
} as const;
