import picomatch from 'picomatch';
import { type AssignedFormat, type PrivateKeyFormat, type Provider, PROVIDERS, type SecretMode, type TokenFormat, providersNamed } from '../catalog/providers';
import { type Assignment, type AssignmentStyle, findAssignment } from './assignment';
import { isAlnum } from './chars';
import { DOCUMENTED_EXAMPLES } from './documented';
import { findJwt } from './jwt';
import { LiteralFinder } from './prefilter';
import { compactName, envVarName, secretNameKind } from './names';
import { findPrivateKeyBlock } from './pem';
import { redact } from './redact';
import { literalPrefix, MIN_PREFIX, type SecretsConfig } from './settings';
import { findUrlCredentials } from './url';
import { isPlaceholder, looksGenerated, looksLikePassword } from './values';

// The secret scanner: pure, one pass per file. One search for literal
// starts (token prefixes, `-----BEGIN`, `://`, `eyJ`, and the words secret
// names are made of; see prefilter.ts) finds candidates; each candidate then
// gets a precise, bounded check at its offset only. Nothing runs a regex
// with an unbounded quantifier over a line, so a 5 MB minified bundle scans
// as fast as source.

/** Which rule reports a hit. */
export type SecretCategory = 'provider' | 'private-key' | 'url' | 'jwt' | 'generic';

export interface SecretHit {
  category: SecretCategory;
  /** Offsets of exactly the secret's characters. */
  start: number;
  end: number;
  /** Provider display name, when the format says whose it is. */
  provider?: string;
  kind: string;
  mode: SecretMode;
  /** The only printable form of the secret. */
  redacted: string;
  envVar?: string;
  /** Catalog or config format id. */
  format?: string;
  /** Generic: the name the value is assigned to. URL: the scheme. */
  name?: string;
}

/**
 * A hit with every field, in one order: the rules that read hits then see one
 * object shape. Each literal of its own shape made V8 drop the rules' optimized
 * code the first time a hit of that kind turned up, once per thread.
 */
function secretHit(hit: SecretHit): SecretHit {
  const { category, start, end, provider, kind, mode, redacted, envVar, format, name } = hit;
  return { category, start, end, provider, kind, mode, redacted, envVar, format, name };
}

/** A source of formats: a catalog provider or a provider a user names in config. */
interface Owner {
  name: string;
  examples: ReadonlySet<string>;
}

interface CompiledToken {
  format: Pick<TokenFormat, 'id' | 'kind' | 'mode' | 'envVar' | 'context'>;
  owner: Owner;
  sticky: RegExp;
}

interface CompiledAssigned {
  format: AssignedFormat;
  owner: Owner;
  whole: RegExp;
}

interface Scanner {
  prefilter: LiteralFinder;
  tokens: Map<string, CompiledToken[]>;
  /** User patterns without a usable literal start: searched through the text. */
  searched: Array<{ token: CompiledToken; global: RegExp }>;
  assigned: CompiledAssigned[];
  privateKeys: Array<{ format: PrivateKeyFormat; owner: Owner }>;
  allowValue: (value: string) => boolean;
  allowPath: (path: string) => boolean;
}

/** The words secret names are built from, in the cases people write them. */
const NAME_WORDS = ['secret', 'Secret', 'SECRET', 'token', 'Token', 'TOKEN', 'pass', 'Pass', 'PASS', 'pwd', 'Pwd', 'PWD', 'key', 'Key', 'KEY', 'credential', 'Credential', 'CREDENTIAL'];
const NAME_WORD_SET = new Set(NAME_WORDS);
const PEM_START = '-----BEGIN ';
const URL_MARK = '://';
const JWT_START = 'eyJ';
/** Lines longer than this are minified or generated: only formats with a prefix are trusted there. */
const MINIFIED_LINE = 1000;
const MINIFIED_FILE = /\.min\.[cm]?js$|\.map$/i;
/** How far before a token its line is read for a format's context (WhatsApp vs Facebook). */
const CONTEXT_CHARS = 200;
export const ALLOW_MARKER = 'simco-int:allow';

function catalogOwner(provider: Provider): Owner {
  return { name: provider.name, examples: new Set(provider.examples) };
}

function buildScanner(settings: SecretsConfig): Scanner {
  const tokens = new Map<string, CompiledToken[]>();
  const searched: Scanner['searched'] = [];
  const assigned: CompiledAssigned[] = [];
  const privateKeys: Scanner['privateKeys'] = [];
  const addToken = (prefix: string, token: CompiledToken): void => {
    const list = tokens.get(prefix) ?? [];
    list.push(token);
    tokens.set(prefix, list);
  };

  for (const provider of PROVIDERS) {
    const owner = catalogOwner(provider);
    for (const format of provider.secrets) {
      if (format.type === 'token') {
        const token = { format, owner, sticky: new RegExp(format.pattern.source, 'y') };
        for (const prefix of format.prefixes) addToken(prefix, token);
      } else if (format.type === 'assigned') {
        assigned.push({ format, owner, whole: new RegExp(`^(?:${format.pattern.source})$`) });
      } else {
        privateKeys.push({ format, owner });
      }
    }
  }

  for (const pattern of settings.patterns) {
    const known = providersNamed(pattern.provider)[0];
    const owner: Owner = known ? catalogOwner(known) : { name: pattern.provider, examples: new Set() };
    const format = { id: pattern.id, kind: pattern.kind ?? 'secret', mode: pattern.mode, envVar: pattern.envVar };
    const prefix = literalPrefix(pattern.regex);
    if (prefix.length >= MIN_PREFIX) addToken(prefix, { format, owner, sticky: new RegExp(pattern.regex, 'y') });
    else searched.push({ token: { format, owner, sticky: new RegExp(pattern.regex, 'y') }, global: new RegExp(pattern.regex, 'g') });
  }

  // The finder tries the longest first, so a longer prefix wins where two start at the same offset.
  const prefilter = new LiteralFinder([...tokens.keys(), PEM_START, URL_MARK, JWT_START, ...NAME_WORDS]);

  const allowRegexes = settings.allowPatterns.map((source) => new RegExp(source));
  const allowGlobs = settings.allowPaths.length > 0 ? picomatch(settings.allowPaths, { dot: true }) : () => false;
  return {
    prefilter,
    tokens,
    searched,
    assigned,
    privateKeys,
    allowValue: (value) => allowRegexes.some((regex) => regex.test(value)),
    allowPath: (path) => allowGlobs(path),
  };
}

const scanners = new WeakMap<SecretsConfig, Scanner>();

function scannerFor(settings: SecretsConfig): Scanner {
  let scanner = scanners.get(settings);
  if (!scanner) {
    scanner = buildScanner(settings);
    scanners.set(settings, scanner);
  }
  return scanner;
}

/** File formats where `key: value` / `KEY=value` without quotes is a literal. */
const UNQUOTED_EXTENSIONS = new Set(['yaml', 'yml', 'sh', 'bash', 'zsh', 'ksh', 'ini', 'cfg', 'conf', 'properties', 'toml', 'txt', 'md', 'markdown', 'npmrc', 'pypirc', 'envrc']);
/** File formats where a blank may separate a name from its quoted value (`PASSWORD 'x'`, `--password "x"`). */
const SPACE_SEPARATED_EXTENSIONS = new Set(['sql', 'sh', 'bash', 'zsh', 'ksh']);

function styleOf(path: string): AssignmentStyle {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  const docker = /^(?:dockerfile|containerfile)(?:\.|$)/i.test(name) || extension === 'dockerfile';
  const envTemplate = name.startsWith('.env.');
  return {
    unquoted: docker || envTemplate || UNQUOTED_EXTENSIONS.has(extension),
    spaceSeparated: docker || SPACE_SEPARATED_EXTENSIONS.has(extension),
  };
}

/** Reads the line around an offset, moving forward through the file as hits do. */
class LineCursor {
  private start = 0;
  private end = -1;

  constructor(private readonly text: string) {}

  private move(offset: number): void {
    if (offset >= this.start && offset <= this.end) return;
    this.start = this.text.lastIndexOf('\n', offset - 1) + 1;
    const end = this.text.indexOf('\n', offset);
    this.end = end < 0 ? this.text.length : end;
  }

  length(offset: number): number {
    this.move(offset);
    return this.end - this.start;
  }

  /** Up to `max` characters of the line before `offset`. */
  before(offset: number, max: number): string {
    this.move(offset);
    return this.text.slice(Math.max(this.start, offset - max), offset);
  }

  includes(offset: number, marker: string): boolean {
    this.move(offset);
    return this.text.slice(this.start, this.end).includes(marker);
  }
}

/** The literal starts the prefilter looks for (exported for the test that keeps them literal). */
export function prefilterLiterals(settings: SecretsConfig): readonly string[] {
  return scannerFor(settings).prefilter.literals;
}

/** Scans one file's text. `path` is workspace-relative (forward slashes). */
export function scanSecrets(text: string, path: string, settings: SecretsConfig): SecretHit[] {
  const scanner = scannerFor(settings);
  if (scanner.allowPath(path)) return [];
  const hits: SecretHit[] = [];
  const lines = new LineCursor(text);
  const style = styleOf(path);
  const minifiedFile = MINIFIED_FILE.test(path);
  let nameEnd = -1;

  const { prefilter } = scanner;
  let from = 0;
  for (let match = prefilter.next(text, from); match; match = prefilter.next(text, from)) {
    const { at, literal: found } = match;
    let end = -1;
    if (NAME_WORD_SET.has(found)) {
      // Go on after the word; past a found assignment, inside its value: a token there (api_key = "sk_live_...") is found by its format.
      from = at + found.length;
      if (at < nameEnd) continue;
      const assignment = findAssignment(text, at, found.length, style);
      if (!assignment) continue;
      nameEnd = assignment.nameEnd;
      const hit = assignedSecret(scanner, assignment) ?? genericSecret(assignment, () => minifiedFile || lines.length(at) > MINIFIED_LINE);
      if (hit) hits.push(hit);
      continue;
    }
    // Never read before the text (see assignment.ts codeAt): a token at offset 0 follows nothing.
    const previous = at > 0 ? text.charCodeAt(at - 1) : -1;
    if (found === URL_MARK) {
      const url = findUrlCredentials(text, at);
      if (url && !(minifiedFile || lines.length(at) > MINIFIED_LINE)) {
        const password = text.slice(url.start, url.end);
        hits.push(secretHit({ category: 'url', start: url.start, end: url.end, kind: 'password', mode: 'either', name: url.scheme, redacted: `${url.scheme}://${url.user}:${redact(password)}@${url.host}` }));
      }
    } else if (found === PEM_START) {
      const block = findPrivateKeyBlock(text, at);
      if (block) {
        hits.push(privateKeyHit(scanner, block.start, block.end, block.label, path, lines.before(at, CONTEXT_CHARS)));
        end = block.end;
      }
    } else if (isAlnum(previous) || previous === 95 /* _ */ || previous === 45 /* - */ || previous === 43 /* + */ || previous === 47 /* / */) {
      // Inside a longer word or a base64 run (an image in an SVG): not the start of a token.
    } else if (found === JWT_START) {
      const jwt = findJwt(text, at);
      if (jwt) {
        hits.push(secretHit({ category: 'jwt', start: jwt.start, end: jwt.end, kind: 'JSON Web Token', mode: 'either', redacted: redact(text.slice(jwt.start, jwt.end), JWT_START) }));
        end = jwt.end;
      }
    } else {
      const hit = tokenHit(scanner.tokens.get(found) ?? [], text, at, found, () => lines.before(at, CONTEXT_CHARS));
      if (hit) {
        hits.push(hit);
        end = hit.end;
      }
    }
    // After a hit, go on past it; after a miss, one character on, so a prefix inside this candidate is not skipped.
    from = end > at ? end : at + 1;
  }

  for (const { token, global } of scanner.searched) {
    global.lastIndex = 0;
    for (let match = global.exec(text); match; match = global.exec(text)) {
      if (match[0].length === 0) {
        global.lastIndex++;
        continue;
      }
      const hit = tokenHit([token], text, match.index, '', () => lines.before(match!.index, CONTEXT_CHARS));
      if (hit) hits.push(hit);
    }
  }

  return settle(hits, text, lines, scanner);
}

/** Precedence when two hits overlap: the one that says most about the secret stays. */
const RANK: Record<SecretCategory, number> = { provider: 0, 'private-key': 1, url: 2, jwt: 3, generic: 4 };

/** Drops overlaps, allowlisted values and lines marked `simco-int:allow`; sorts by offset. */
function settle(hits: SecretHit[], text: string, lines: LineCursor, scanner: Scanner): SecretHit[] {
  if (hits.length === 0) return hits;
  hits.sort((a, b) => a.start - b.start || RANK[a.category] - RANK[b.category]);
  const kept: SecretHit[] = [];
  for (const hit of hits) {
    const last = kept[kept.length - 1];
    if (last && hit.start < last.end) {
      // Overlapping hits are rare and short chains: the better-ranked one stands for both.
      if (RANK[hit.category] < RANK[last.category]) kept[kept.length - 1] = hit;
      continue;
    }
    kept.push(hit);
  }
  const marked = text.includes(ALLOW_MARKER);
  return kept.filter((hit) => !scanner.allowValue(text.slice(hit.start, hit.end)) && !(marked && lines.includes(hit.start, ALLOW_MARKER)));
}

function tokenHit(candidates: readonly CompiledToken[], text: string, at: number, prefix: string, context: () => string): SecretHit | undefined {
  let chosen: { token: CompiledToken; value: string } | undefined;
  for (const token of candidates) {
    token.sticky.lastIndex = at;
    const match = token.sticky.exec(text);
    if (!match || match[0].length === 0) continue;
    const value = match[0];
    if (token.owner.examples.has(value) || isPlaceholder(value.slice(prefix.length).replace(/[$.]/g, ''))) continue;
    // A format with a context (WhatsApp's EAA tokens) wins only when its line says so; one without is the default.
    if (token.format.context) {
      if (token.format.context.test(context())) {
        chosen = { token, value };
        break;
      }
    } else {
      chosen ??= { token, value };
    }
  }
  if (!chosen) return undefined;
  const { format, owner } = chosen.token;
  return secretHit({
    category: 'provider',
    start: at,
    end: at + chosen.value.length,
    provider: owner.name,
    kind: format.kind,
    mode: format.mode,
    redacted: redact(chosen.value, prefix),
    envVar: format.envVar,
    format: format.id,
  });
}

function assignedSecret(scanner: Scanner, assignment: Assignment): SecretHit | undefined {
  const compact = compactName(assignment.name);
  const { value } = assignment;
  for (const { format, owner, whole } of scanner.assigned) {
    if (!format.names.test(compact) || !whole.test(value)) continue;
    if (owner.examples.has(value) || isPlaceholder(value)) return undefined;
    return secretHit({
      category: 'provider',
      start: assignment.valueStart,
      end: assignment.valueEnd,
      provider: owner.name,
      kind: format.kind,
      mode: format.mode,
      redacted: redact(value),
      envVar: format.envVar,
      format: format.id,
    });
  }
  return undefined;
}

function genericSecret(assignment: Assignment, minified: () => boolean): SecretHit | undefined {
  const kind = secretNameKind(assignment.name);
  if (!kind) return undefined;
  const { value } = assignment;
  if (DOCUMENTED_EXAMPLES.has(value) || !(kind === 'password' ? looksLikePassword(value) : looksGenerated(value))) return undefined;
  if (minified()) return undefined;
  return secretHit({
    category: 'generic',
    start: assignment.valueStart,
    end: assignment.valueEnd,
    kind,
    mode: 'either',
    name: assignment.name,
    // A password's last characters are a real hint to it: no tail.
    redacted: kind === 'password' ? '…' : redact(value),
    envVar: envVarName(assignment.name),
  });
}

function privateKeyHit(scanner: Scanner, start: number, end: number, label: string, path: string, before: string): SecretHit {
  const owned = scanner.privateKeys.find(({ format }) => format.files?.test(path) || format.context?.test(before));
  return secretHit({
    category: 'private-key',
    start,
    end,
    provider: owned?.owner.name,
    kind: owned?.format.kind ?? 'private key',
    mode: owned?.format.mode ?? 'either',
    redacted: `-----BEGIN ${label}-----…`,
    envVar: owned?.format.envVar,
    format: owned?.format.id,
    name: label,
  });
}
