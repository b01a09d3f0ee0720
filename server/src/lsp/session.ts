import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, type Config } from '../engine/config/config';
import { byPosition, lintFile } from '../engine/lint';
import { decodeBytes } from '../engine/text';
import { WorkspaceIndex } from '../engine/workspace/index';
import { settleWorkspaceFindings, workspaceFindings } from '../engine/workspace/lint-workspace';
import { readCheckedFile } from '../workspace/check';
import { isIgnoredByGitignore, trackedSecretEnvFiles } from '../workspace/git';
import type { Locale } from '../engine/messages';
import type { WorkspaceFacts } from '../engine/rules/rule';
import type { Finding } from '../engine/types';

// What the server knows about the workspace it serves: where it is, its
// configuration, the language of its messages, and the open documents (whose
// unsaved text wins over the disk). Handlers ask it; it asks the engine.

/** What editor settings (VS Code's `simco-int.*`) may change on top of simco-int.config.json. */
export interface EditorSettings {
  debounceMs?: unknown;
  docsFolder?: unknown;
  rules?: unknown;
}

const SEVERITIES: ReadonlySet<unknown> = new Set(['off', 'info', 'warning', 'error']);

export class Session {
  root: string | undefined;
  locale: Locale = 'en';
  /** The project's file, then the editor's settings over it: what every check uses. */
  config: Config = defaultConfig();
  private fileConfig: Config = defaultConfig();
  private settings: EditorSettings = {};
  /** Cross-file facts: disk contents, and the text of open documents once synced. */
  readonly index = new WorkspaceIndex(this.config);
  /** Open documents whose text changed since the index last saw it. */
  private readonly stale = new Set<string>();
  /** `.env` files with secrets that git tracks, read when the workspace is indexed and when a .env changes. */
  trackedSecretEnvFiles: readonly string[] = [];
  /** Set once the workspace is indexed: before that, cross-file rules would see half the files and report what is not wrong. */
  indexed = false;
  /** The workspace rules' findings for the index as it was at `generation`. */
  private workspace: { generation: number; config: Config; byFile: Map<string, Finding[]> } | undefined;
  /** What was last published for each file from the workspace rules, to tell which open documents a change affects. */
  private readonly published = new Map<string, string>();

  constructor(private readonly openDocuments: { all(): TextDocument[]; get(uri: string): TextDocument | undefined }) {}

  /** Workspace-relative POSIX path of a `file:` URI inside the workspace, else undefined. */
  pathOf(uri: string): string | undefined {
    if (!this.root || !uri.startsWith('file:')) return undefined;
    const path = relative(this.root, fileURLToPath(uri));
    return path === '' || path.startsWith('..') || path.startsWith(sep) ? undefined : path.split(sep).join('/');
  }

  uriOf(path: string): string {
    return pathToFileURL(join(this.root ?? '', path)).toString();
  }

  /** A file exists when it is on disk or open in the editor (created but not yet saved). */
  readonly facts: WorkspaceFacts = {
    exists: (path) =>
      (this.root !== undefined && existsSync(join(this.root, path))) ||
      this.openDocuments.all().some((document) => {
        const open = this.pathOf(document.uri);
        return open !== undefined && (open === path || open.startsWith(`${path}/`));
      }),
  };

  /** Returns the workspace paths whose kind changed with the config: the caller re-reads them into the index. */
  setFileConfig(config: Config): string[] {
    this.fileConfig = config;
    return this.configChanged();
  }

  setSettings(settings: EditorSettings | undefined): string[] {
    this.settings = settings ?? {};
    return this.configChanged();
  }

  private configChanged(): string[] {
    this.config = this.merged();
    return this.index.setConfig(this.config);
  }

  /** An open document changed: the index takes its text when a feature next needs it, not on every keystroke. */
  markStale(uri: string): void {
    this.stale.add(uri);
  }

  /** The index with every open document's current text in it (hover, definition, rename read open buffers). */
  syncedIndex(): WorkspaceIndex {
    for (const uri of this.stale) {
      const document = this.openDocuments.get(uri);
      const path = this.pathOf(uri);
      if (document && path !== undefined) this.index.update(path, document.getText());
    }
    this.stale.clear();
    return this.index;
  }

  /** Settings of the wrong type are ignored (the editor validates them against package.json already). */
  private merged(): Config {
    const { docsFolder, rules } = this.settings;
    const severities = rules && typeof rules === 'object' ? Object.entries(rules).filter(([, value]) => SEVERITIES.has(value)) : [];
    return {
      ...this.fileConfig,
      docsFolder: typeof docsFolder === 'string' && docsFolder.trim() ? docsFolder.trim() : this.fileConfig.docsFolder,
      rules: { ...this.fileConfig.rules, ...Object.fromEntries(severities) },
    };
  }

  /** The version of an open document, undefined when it is not open. */
  openVersion(uri: string): number | undefined {
    return this.openDocuments.get(uri)?.version;
  }

  isOpen(path: string): boolean {
    return this.openDocuments.all().some((document) => this.pathOf(document.uri) === path);
  }

  /** Asks git again which secret-holding .env files it tracks. */
  refreshRepository(): void {
    this.trackedSecretEnvFiles = (this.root && trackedSecretEnvFiles(this.root)) || [];
    this.workspace = undefined;
  }

  /**
   * The findings for a document's current text, or undefined when it is
   * outside the workspace: its own, and the workspace rules' over the index
   * with this text in it (one parse gives both the findings and the facts).
   */
  lint(document: TextDocument): Finding[] | undefined {
    const path = this.pathOf(document.uri);
    if (path === undefined) return undefined;
    const text = document.getText();
    const own = lintFile(path, text, { config: this.config, workspace: this.facts });
    // This text's facts come from the lint's own parse: syncing must not parse it a second time.
    // The other open documents are synced when the workspace rules need them (not before indexing ends):
    // syncing them here parsed all 200 documents opened at once in the first one's check, then each in its own.
    this.stale.delete(document.uri);
    this.index.set(path, own.facts);
    const across = this.workspaceFindings().get(path) ?? [];
    this.published.set(path, signature(across));
    return [...own.findings, ...settleWorkspaceFindings(path, across, own.hasSuppressions ? text : undefined, this.config)].sort(byPosition);
  }

  /** The open documents (other than `except`) whose workspace findings differ from what was last published for them. */
  affectedDocuments(except: string): string[] {
    const byFile = this.workspaceFindings();
    const affected: string[] = [];
    for (const document of this.openDocuments.all()) {
      const path = this.pathOf(document.uri);
      if (path === undefined || document.uri === except) continue;
      if ((this.published.get(path) ?? signature([])) !== signature(byFile.get(path) ?? [])) affected.push(document.uri);
    }
    return affected;
  }

  /** The workspace rules over the index, computed again only when the index or the config changed. */
  private workspaceFindings(): Map<string, Finding[]> {
    if (!this.indexed) return new Map();
    const index = this.syncedIndex();
    if (this.workspace?.generation !== index.generation || this.workspace.config !== this.config) {
      const byFile = workspaceFindings(index, {
        config: this.config,
        repository: {
          trackedSecretEnvFiles: this.trackedSecretEnvFiles,
          isGitIgnored: (path) => this.root !== undefined && isIgnoredByGitignore(this.root, path),
        },
        readText: (path) => this.readText(path),
      });
      this.workspace = { generation: index.generation, config: this.config, byFile };
    }
    return this.workspace.byFile;
  }

  /** A file's text as the user sees it: the open buffer, else the disk. */
  readText(path: string): string | undefined {
    const open = this.openDocuments.all().find((document) => this.pathOf(document.uri) === path);
    if (open) return open.getText();
    if (!this.root) return undefined;
    const read = readCheckedFile(join(this.root, path));
    return 'bytes' in read ? decodeBytes(read.bytes).text : undefined;
  }
}

/** Findings compared by what the user sees of them. */
function signature(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((f) => [f.ruleId, f.range, f.message]));
}
