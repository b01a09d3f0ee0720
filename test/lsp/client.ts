import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApplyWorkspaceEditRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  type CodeAction,
  type Range,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type LogMessageParams,
  type PublishDiagnosticsParams,
  type ApplyWorkspaceEditParams,
  type InitializeResult,
  type ApplyWorkspaceEditResult,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { removeTempDirs, tempDir } from '../cli/workspace';
import { CLEAN } from '../helpers';

// A real LSP client for tests: spawns the bundled server over stdio (as any
// editor would), speaks JSON-RPC to it, and lets tests wait for the
// notifications they expect instead of sleeping.

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

/** A temporary copy of the clean fixture workspace for a server to serve. */
export function cleanWorkspace(): string {
  const root = join(tempDir(), 'ws');
  cpSync(CLEAN, root, { recursive: true });
  return root;
}

/**
 * Registers, in the calling suite, the mocha hooks every server suite needs:
 * each server started through the returned function is stopped after its
 * test, and the suite's temporary workspaces are removed after the suite.
 */
export function serverPerTest(): (options: StartOptions) => Promise<TestClient> {
  let running: TestClient[] = [];
  afterEach(async () => {
    const stopping = running;
    running = [];
    await Promise.all(stopping.map((client) => client.stop()));
  });
  after(function () {
    this.timeout(600_000); // a 50,000-file tree takes a while to delete on a busy machine
    removeTempDirs();
  });
  return async (options) => {
    const client = await TestClient.start(options);
    running.push(client);
    return client;
  };
}

export interface StartOptions {
  root: string;
  /** Advertise pull diagnostics (textDocument/diagnostic), as VS Code does. */
  pull?: boolean;
  locale?: string;
  debounceMs?: number;
  /** Declare that the client resolves code actions' edits (codeAction/resolve), as VS Code does; default true. */
  resolveEdits?: boolean;
  /** The command that starts the server (for another user, a mount namespace, a preloaded hook); default: this Node on dist/server.js --stdio. */
  command?: readonly [string, ...string[]];
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  /** Per URI, how many of its publications a test has already been given. */
  private readonly consumed = new Map<string, number>();
  private readonly waiters: Array<() => boolean> = [];
  private readonly versions = new Map<string, number>();
  /** Every workspace/applyEdit the server sent, in order. */
  readonly editRequests: ApplyWorkspaceEditParams[] = [];
  /** Set to make the client refuse the next edits with this reason, as an editor may. */
  refuseEdits: string | undefined;
  /** Every window/logMessage the server sent (its output channel), from the start. */
  readonly logs: LogMessageParams[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly process: ChildProcess,
    readonly root: string,
  ) {
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.editRequests.push(params);
      if (this.refuseEdits !== undefined) return { applied: false, failureReason: this.refuseEdits };
      return applyToDisk(params.edit);
    });
    connection.onNotification(LogMessageNotification.type, (params) => this.logs.push(params));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) if (waiter()) this.waiters.splice(this.waiters.indexOf(waiter), 1);
    });
  }

  /** Resolves when the server's workspace indexing ($/progress) has ended. */
  indexed!: Promise<void>;
  /** What the server answered to initialize: its capabilities. */
  initialized!: InitializeResult;

  static async start({ root, pull = false, locale = 'en', debounceMs = 0, resolveEdits = true, command = [process.execPath, SERVER, '--stdio'] }: StartOptions): Promise<TestClient> {
    const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, root);
    client.indexed = new Promise((resolve) => {
      connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
      connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
        if (params.value?.kind === 'end') resolve();
      });
    });
    connection.listen();
    const capabilities: ClientCapabilities = {
      window: { workDoneProgress: true },
      workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
    };
    capabilities.textDocument = {
      ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      // What vscode-languageclient 9 declares.
      ...(resolveEdits ? { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } : {}),
    };
    client.initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'test' }],
      capabilities,
      locale,
      initializationOptions: { debounceMs },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The server process's id (to read its memory from /proc), undefined once it exited. */
  get pid(): number | undefined {
    return this.process.exitCode === null && this.process.signalCode === null ? this.process.pid : undefined;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.root, path)).toString();
  }

  /** Opens a workspace file with its text on disk, or the given text (an unsaved buffer). */
  async open(path: string, text = readFileSync(join(this.root, path), 'utf8'), languageId = 'markdown'): Promise<string> {
    const uri = this.uri(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text, as a new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /**
   * Resolves with the next diagnostics published for `uri` that pass `test`
   * (default: any), looking first at what arrived since the last call, so a
   * notification that beats the test to it is not missed.
   */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      const look = (): boolean => {
        const mine = this.published.filter((p) => p.uri === uri);
        for (let i = this.consumed.get(uri) ?? 0; i < mine.length; i++) {
          if (!test(mine[i])) continue;
          this.consumed.set(uri, i + 1);
          resolve(mine[i].diagnostics);
          return true;
        }
        return false;
      };
      if (!look()) this.waiters.push(look);
    });
  }

  /** The code actions with their edits: those the server offered without one are resolved, as an editor does when one is picked. */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    const actions = await this.offeredCodeActions(uri, range, diagnostics, only);
    const resolved: CodeAction[] = [];
    for (const action of actions) resolved.push(action.edit || action.data === undefined ? action : await this.resolveCodeAction(action));
    return resolved;
  }

  /** The code actions as the server offered them (without edits, when the client resolves them). */
  async offeredCodeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    const context = only ? { diagnostics, only } : { diagnostics };
    return (await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context })) as CodeAction[];
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await new Promise((resolve) => this.process.once('exit', resolve));
    this.connection.dispose();
  }
}

/**
 * Applies a WorkspaceEdit to the files on disk, as an editor would (minus
 * the buffers): all or nothing, a CreateFile never replacing a file unless
 * it says so.
 */
function applyToDisk(edit: WorkspaceEdit): ApplyWorkspaceEditResult {
  const changes = edit.documentChanges ?? [];
  for (const change of changes) {
    if ('kind' in change && change.kind === 'create' && existsSync(fileURLToPath(change.uri)) && !change.options?.overwrite && !change.options?.ignoreIfExists) {
      return { applied: false, failureReason: `${change.uri} exists` };
    }
  }
  for (const change of changes) {
    if ('kind' in change) {
      if (change.kind !== 'create') return { applied: false, failureReason: `unsupported ${change.kind}` };
      const path = fileURLToPath(change.uri);
      mkdirSync(dirname(path), { recursive: true });
      if (!existsSync(path) || change.options?.overwrite) writeFileSync(path, '');
      continue;
    }
    const path = fileURLToPath(change.textDocument.uri);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'plaintext', 0, text), change.edits));
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const path = fileURLToPath(uri);
    writeFileSync(path, TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 0, readFileSync(path, 'utf8')), edits));
  }
  return { applied: true };
}
