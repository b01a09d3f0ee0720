import type { Config } from '../config/config';
import { classify, factsOfText, type FileKind } from '../lint';
import type { Range } from '../types';
import { docCode, namesOf, optional, type EnvFacts, type FileFacts, type IntDocFacts, type InventoryFacts, type SourceFacts } from './facts';

// The cross-file facts of the workspace (which INT doc documents a variable,
// where a name is declared and read, what the inventory registers), fed by
// the shell with text or with facts a CLI worker cut: no I/O here. A reverse
// map from name to files keeps lookups to the few files that mention it.

/** One INT doc, as pickers and hovers name it. */
export interface IntDocSummary {
  path: string;
  /** The Codigo row, or the code in the file name when the row is missing. */
  code?: string;
  /** The title heading's text (`INT-001: Stripe`). */
  title?: string;
  proveedor?: string;
}

/** A row of an INT doc's Credenciales Requeridas table. */
export interface Documentation {
  /** The INT doc's path. */
  path: string;
  code?: string;
  title?: string;
  proveedor?: string;
  /** The row's line, pipes included. */
  rowRange: Range;
  /** The variable name's characters in its cell. */
  variableRange: Range;
  /** The Descripcion cell's text, when the table has the column. */
  descripcion?: string;
  /** The Obligatorio cell's text (SI/NO), when the table has the column. */
  obligatorio?: string;
}

/** Where a name appears: a doc's credentials cell, a .env* key, or a read in source. */
export interface EnvVarUse {
  kind: FileKind;
  path: string;
  /** The name's characters, exactly: what a rename replaces. */
  range: Range;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileFacts>();
  /** Files given to update() that hold no cross-file facts under the current config: a config change may make them INT docs. */
  private readonly unclassified = new Set<string>();
  /** Name -> the files that mention it. */
  private readonly byName = new Map<string, Set<string>>();
  /** One copy of each name, shared by every file that mentions it. */
  private readonly names = new Map<string, string>();

  constructor(private config: Config) {}

  /**
   * Switches configuration. Returns the known paths whose kind changed and
   * that must be given to update() again (a `.md` that is now in the docs
   * folder); files that stopped being INT docs are dropped here. Files the
   * index never saw (the walker skipped them) are the shell's to add.
   */
  setConfig(config: Config): string[] {
    this.config = config;
    const stale: string[] = [];
    for (const path of [...this.files.keys(), ...this.unclassified]) {
      const kind = classify(path, config);
      if (kind === this.files.get(path)?.kind) continue;
      this.remove(path);
      if (kind === 'text') this.unclassified.add(path);
      else stale.push(path);
    }
    return stale.sort();
  }

  /** Bumped on every change: what a cached workspace check compares. */
  generation = 0;

  /** Indexes a file's text (workspace-relative POSIX path), replacing what was known about it. */
  update(path: string, text: string): void {
    this.set(path, factsOfText(path, text, this.config));
  }

  /** Indexes facts already cut from a file (by lintFile, maybe in a worker), replacing what was known about it. */
  set(path: string, facts: FileFacts | undefined): void {
    this.remove(path);
    this.generation++;
    if (!facts) {
      this.unclassified.add(path);
      return;
    }
    for (const at of namesOf(facts)) at.name = this.intern(at.name);
    this.files.set(path, facts);
    for (const { name } of namesOf(facts)) {
      let paths = this.byName.get(name);
      if (!paths) this.byName.set(name, (paths = new Set()));
      paths.add(path);
    }
  }

  remove(path: string): void {
    this.unclassified.delete(path);
    const facts = this.files.get(path);
    if (!facts) return;
    this.generation++;
    this.files.delete(path);
    for (const { name } of namesOf(facts)) {
      const paths = this.byName.get(name);
      if (!paths) continue;
      paths.delete(path);
      if (paths.size === 0) {
        this.byName.delete(name);
        this.names.delete(name);
      }
    }
  }

  /** Which checks a path gets under the index's configuration (lint.ts's classify). */
  kindOf(path: string): FileKind | undefined {
    return classify(path, this.config);
  }

  /** The indexed files (INT docs, .env*, source), sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  /** The INT doc rows that document `name`, by doc path. */
  documentation(name: string): Documentation[] {
    const found: Documentation[] = [];
    for (const path of this.pathsNaming(name)) {
      const facts = this.files.get(path);
      if (facts?.kind !== 'int-doc') continue;
      const summary = summarize(path, facts);
      for (const row of facts.rows) {
        if (row.name !== name) continue;
        found.push({
          path,
          ...optional('code', summary.code),
          ...optional('title', summary.title),
          ...optional('proveedor', summary.proveedor),
          rowRange: row.rowRange,
          variableRange: row.range,
          ...optional('descripcion', row.descripcion),
          ...optional('obligatorio', row.obligatorio),
        });
      }
    }
    return found;
  }

  /** Whether some INT doc's Credenciales Requeridas names `name` (documentation() without building its rows). */
  isDocumented(name: string): boolean {
    for (const path of this.byName.get(name) ?? []) {
      const facts = this.files.get(path);
      if (facts?.kind === 'int-doc' && facts.rows.some((row) => row.name === name)) return true;
    }
    return false;
  }

  /** Every place `name` appears (doc credentials cells, .env* keys, source reads), by path then position. */
  uses(name: string): EnvVarUse[] {
    const found: EnvVarUse[] = [];
    for (const path of this.pathsNaming(name)) {
      const facts = this.files.get(path)!;
      for (const at of namesOf(facts)) if (at.name === name) found.push({ kind: facts.kind, path, range: at.range });
    }
    return found;
  }

  /** Every name documented, declared or read anywhere, sorted. */
  envVarNames(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** The indexed INT docs, by path. */
  intDocs(): IntDocSummary[] {
    return this.ofKind('int-doc').map(([path, facts]) => summarize(path, facts));
  }

  /** What a file contributed, if it is indexed. */
  factsOf(path: string): FileFacts | undefined {
    return this.files.get(path);
  }

  /** The indexed files of one kind with their facts, by path. */
  ofKind(kind: 'int-doc'): Array<[string, IntDocFacts]>;
  ofKind(kind: 'inventory'): Array<[string, InventoryFacts]>;
  ofKind(kind: 'env'): Array<[string, EnvFacts]>;
  ofKind(kind: 'source'): Array<[string, SourceFacts]>;
  ofKind(kind: FileFacts['kind']): Array<[string, FileFacts]> {
    const found: Array<[string, FileFacts]> = [];
    for (const [path, facts] of this.files) if (facts.kind === kind) found.push([path, facts]);
    return found.sort(([a], [b]) => compare(a, b));
  }

  private pathsNaming(name: string): string[] {
    return [...(this.byName.get(name) ?? [])].sort(compare);
  }

  private intern(name: string): string {
    let shared = this.names.get(name);
    if (shared === undefined) {
      shared = name;
      this.names.set(shared, shared);
    }
    return shared;
  }
}

function summarize(path: string, facts: IntDocFacts): IntDocSummary {
  return {
    path,
    ...optional('code', docCode(facts)),
    ...optional('title', facts.title?.text),
    ...optional('proveedor', facts.metadata.Proveedor?.text),
  };
}

/** Code-unit order, the same on every machine (localeCompare depends on the ICU data). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
