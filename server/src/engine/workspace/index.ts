import type { Config } from '../config/config';
import { parseEnvFile } from '../env/parse';
import { findEnvReads } from '../env/source-reads';
import { credentialRows } from '../intdoc/credentials';
import { intFileCode } from '../intdoc/file-code';
import { parseIntDoc } from '../intdoc/model';
import { metadataValue } from '../intdoc/query';
import { classify, type FileKind } from '../lint';
import { LineIndex, stripBom } from '../text';
import type { Range } from '../types';

// The cross-file facts the editor services need (which INT doc documents a
// variable, where a name is declared and read), fed with text by the shell:
// no I/O here. Each file keeps only names, short cells and ranges, never its
// text, its mdast or a .env value, so a 5,000-file workspace stays small and
// no secret is held. A reverse map from name to files keeps lookups to the
// few files that mention the name.

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

interface NameAt {
  name: string;
  range: Range;
}

interface DocRow extends NameAt {
  rowRange: Range;
  descripcion?: string;
  obligatorio?: string;
}

type FileFacts =
  | { kind: 'int-doc'; summary: IntDocSummary; rows: DocRow[] }
  | { kind: 'env'; keys: NameAt[] }
  | { kind: 'source'; reads: NameAt[] };

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

  /** Indexes a file's text (workspace-relative POSIX path), replacing what was known about it. */
  update(path: string, text: string): void {
    this.remove(path);
    const facts = this.read(path, stripBom(text));
    if (!facts) {
      this.unclassified.add(path);
      return;
    }
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
      const { summary, rows } = facts;
      for (const row of rows) {
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
    const docs: IntDocSummary[] = [];
    for (const facts of this.files.values()) if (facts.kind === 'int-doc') docs.push(facts.summary);
    return docs.sort((a, b) => compare(a.path, b.path));
  }

  private pathsNaming(name: string): string[] {
    return [...(this.byName.get(name) ?? [])].sort(compare);
  }

  private read(path: string, text: string): FileFacts | undefined {
    const kind = this.kindOf(path);
    if (kind === 'int-doc') {
      const doc = parseIntDoc(path, text);
      const code = metadataValue(doc, 'Codigo')?.text || intFileCode(path)?.code;
      const proveedor = metadataValue(doc, 'Proveedor')?.text;
      const summary: IntDocSummary = {
        path,
        ...optional('code', detach(code)),
        ...optional('title', detach(doc.title?.text)),
        ...optional('proveedor', detach(proveedor)),
      };
      const rows = credentialRows(doc).map((row) => ({
        name: this.intern(row.name),
        range: row.nameRange,
        rowRange: row.rowRange,
        ...optional('descripcion', detach(row.descripcion?.text)),
        ...optional('obligatorio', detach(row.obligatorio?.text)),
      }));
      return { kind, summary, rows };
    }
    if (kind === 'env') {
      // The values are read and dropped: the index never holds a secret.
      const keys = parseEnvFile(path, text).entries.map((entry) => ({ name: this.intern(entry.key), range: entry.keyRange }));
      return { kind, keys };
    }
    if (kind === 'source') {
      const reads = findEnvReads(path, text, new LineIndex(text)).map((read) => ({ name: this.intern(read.name), range: read.range }));
      return { kind, reads };
    }
    return undefined;
  }

  private intern(name: string): string {
    let shared = this.names.get(name);
    if (shared === undefined) {
      shared = detach(name)!;
      this.names.set(shared, shared);
    }
    return shared;
  }
}

function namesOf(facts: FileFacts): readonly NameAt[] {
  if (facts.kind === 'int-doc') return facts.rows;
  return facts.kind === 'env' ? facts.keys : facts.reads;
}

/**
 * A copy of a string that does not point into the file it was cut from. V8
 * keeps a substring as a view of its parent, so one name kept from a regex
 * match would keep the whole file's text alive.
 */
function detach(value: string | undefined): string | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as string);
}

/** `{ key: value }` when there is a value, `{}` otherwise: absent facts stay absent in the results. */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value ? ({ [key]: value } as { [P in K]: string }) : {};
}

/** Code-unit order, the same on every machine (localeCompare depends on the ICU data). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
