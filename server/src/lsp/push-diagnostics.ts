import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { crashReport } from '../engine/crash';
import { AfterBurst } from './after-burst';
import { toDiagnostic } from './diagnostics';
import type { Session } from './session';

// Push mode, for clients without pull diagnostics: each change restarts the
// document's debounce timer, so a burst of keystrokes is checked once, after
// the last one (and after the edits already received: with a delay of 0,
// 2,000 edits to a 2,000-line doc were checked one by one, a hover waiting
// 18 s); results for a version the editor has moved past are dropped.

export class DiagnosticPublisher {
  private readonly pending = new AfterBurst<string>();
  debounceMs = 150;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    private readonly current: (uri: string) => TextDocument | undefined,
  ) {}

  schedule(document: TextDocument): void {
    const { uri, version } = document;
    this.pending.run(uri, this.debounceMs, () => this.publish(uri, version));
  }

  /**
   * Checks a document again soon because something else changed (the config,
   * another file). A check already pending is left as it is: resetting it
   * would push it back each time, and 200 open documents telling each other
   * would publish one of them per debounce period.
   */
  revalidate(uri: string): void {
    const document = this.current(uri);
    if (document && !this.pending.isPending(uri)) this.schedule(document);
  }

  clear(uri: string): void {
    this.pending.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private publish(uri: string, version: number): void {
    const document = this.current(uri);
    if (!document || document.version !== version) return;
    let findings: ReturnType<Session['lint']>;
    try {
      findings = this.session.lint(document);
    } catch (error) {
      // Thrown from a timer, the error ended the server and Node printed its message, which can quote
      // the document's text. Logged as its class and stack (engine/crash.ts); the server goes on.
      this.connection.console.error(`Checking ${uri} failed: ${crashReport(error)}`);
      return;
    }
    if (!findings) return;
    const diagnostics = findings.map((finding) => toDiagnostic(finding, this.session.locale));
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    // This text may change what other open documents are told (an INT doc's variable now missing from .env.example).
    // They are scheduled, not checked here: checking them at once re-entered publish() for each, so after indexing
    // 200 open documents checked each other again O(n²) times (minutes, the server deaf meanwhile).
    for (const other of this.session.affectedDocuments(uri)) this.revalidate(other);
  }
}
