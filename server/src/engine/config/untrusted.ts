import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import type { Finding } from '../types';
import type { MessageId } from './config';

// A simco-int.config.json comes with the repository, so it is as untrusted as
// the code: a cloned project's config must not make the tool read or send
// files outside the workspace, nor hang it. These checks run on the parsed
// file, after the schema's, and report at the value.

export type ReportAt = (node: JsonNode, messageId: MessageId, ...args: string[]) => Finding;

/**
 * Where a workspace-relative path really is, for the paths a shell opens:
 * 'outside' when it exists and resolves (through symbolic links) outside
 * the workspace. The engine reads no files; the shells pass one.
 */
export type PathResolver = (relative: string) => 'outside' | undefined;

/** Settings that name one file or folder, opened as given. */
const PATHS = [['inventory'], ['ping', 'envFile']] as const;
/** Settings holding globs, matched against workspace-relative paths (picomatch). */
const GLOBS = [['docsFolder'], ['ignore', '*'], ['secrets', 'allowPaths', '*']] as const;

/**
 * picomatch turns each `*` into a lazy run and each `**` into a lazy run over
 * folders; on a path that does not match, every way of sharing it among them
 * is tried: four `*` in one 255-character file name took over a second per
 * path, and two `**` with three `*` three seconds on a 4,000-character path.
 */
const MAX_STARS_PER_SEGMENT = 3;
const MAX_GLOBSTARS = 2;
const MAX_WILDCARDS = 4;

/** Absolute paths, `..` segments, symbolic links out of the workspace, and globs too slow to match. */
export function configPathFindings(tree: JsonNode, report: ReportAt, resolve?: PathResolver): Finding[] {
  const found: Finding[] = [];
  const strings = (path: readonly string[]): Array<{ node: JsonNode; where: string }> => {
    const last = path[path.length - 1];
    const parent = findNodeAtLocation(tree, last === '*' ? path.slice(0, -1) : [...path]);
    if (!parent) return [];
    const base = (last === '*' ? path.slice(0, -1) : path).join('.');
    if (last !== '*') return parent.type === 'string' ? [{ node: parent, where: base }] : [];
    if (parent.type !== 'array') return [];
    return (parent.children ?? []).flatMap((node, i) => (node.type === 'string' ? [{ node, where: `${base}.${i}` }] : []));
  };
  for (const path of PATHS) {
    for (const { node, where } of strings(path)) {
      const problem = escapeOf(node.value as string);
      if (problem) found.push(report(node, problem, where));
      else if (resolve?.(node.value as string) === 'outside') found.push(report(node, 'linkEscapes', where));
    }
  }
  for (const path of GLOBS) {
    for (const { node, where } of strings(path)) {
      const glob = node.value as string;
      const problem = escapeOf(glob);
      if (problem) found.push(report(node, problem, where));
      else if (isSlowGlob(glob)) found.push(report(node, 'slowGlob', where, String(MAX_STARS_PER_SEGMENT), String(MAX_GLOBSTARS), String(MAX_WILDCARDS)));
      else if (path[0] === 'docsFolder' && !/[*?[\]{}()!+@]/.test(glob) && resolve?.(glob) === 'outside') found.push(report(node, 'linkEscapes', where));
    }
  }
  return found;
}

/** A path that names something outside the workspace by its text: absolute (`/etc`, `C:\`, `\\server`), or with a `..` segment. */
function escapeOf(path: string): 'absolutePath' | 'escapesWorkspace' | undefined {
  if (/^[/\\]|^[A-Za-z]:/.test(path)) return 'absolutePath';
  return path.split(/[/\\]/).includes('..') ? 'escapesWorkspace' : undefined;
}

export function isSlowGlob(glob: string): boolean {
  const segments = glob.split('/');
  const globstars = segments.filter((segment) => segment === '**').length;
  const stars = Math.max(0, ...segments.filter((segment) => segment !== '**').map((segment) => segment.match(/\*+/g)?.length ?? 0));
  return stars > MAX_STARS_PER_SEGMENT || globstars > MAX_GLOBSTARS || stars + globstars > MAX_WILDCARDS;
}

/**
 * The offset of the first bracket nested deeper than `max`, outside strings;
 * undefined when there is none. Checked before parsing: the JSON parsers
 * recurse, once per level.
 */
export function nestingTooDeepAt(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return undefined;
}
