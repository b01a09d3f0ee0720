import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './diagnostics';
import type { Session } from './session';

// Push mode, for clients without pull diagnostics: each change restarts the
// document's debounce timer, so a burst of keystrokes is checked once, after
// the last one; results for a version the editor has moved past are dropped.

export class DiagnosticPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  debounceMs = 150;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    private readonly current: (uri: string) => TextDocument | undefined,
  ) {}

  schedule(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(document.uri, setTimeout(() => this.publish(document.uri, document.version), this.debounceMs));
  }

  /** Checks a document now (config changed, another file changed). */
  publishNow(uri: string): void {
    const document = this.current(uri);
    if (document) this.publish(uri, document.version);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private publish(uri: string, version: number): void {
    this.timers.delete(uri);
    const document = this.current(uri);
    if (!document || document.version !== version) return;
    const findings = this.session.lint(document);
    if (!findings) return;
    const diagnostics = findings.map((finding) => toDiagnostic(finding, this.session.locale));
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    // This text may change what other open documents are told (an INT doc's variable now missing from .env.example).
    for (const other of this.session.affectedDocuments(uri)) this.publishNow(other);
  }
}
