// The client's own user-facing texts, translated by vscode.l10n.t from
// l10n/bundle.l10n.<locale>.json (the bundle the server's messages use too).
// No vscode import here, so the translation test can read them.

export const CLIENT_TEMPLATES = {
  starting: 'SIMCO: starting',
  running: 'SIMCO: {0} errors, {1} warnings',
  stopped: 'SIMCO: stopped',
  tooltip: 'simco-integraciones language server ({0}). Click to show its output.',
  restarted: 'The simco-int language server was restarted.',
} as const;
