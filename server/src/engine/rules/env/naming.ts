import { allKnownPrefixes, envPrefixesFor } from '../../catalog/providers';
import type { Config } from '../../config/config';
import {
  conformsToEnvNaming,
  envSegments,
  locatePrefix,
  looksLikeCredential,
  nameShape,
  splitFrameworkPrefix,
  suggestEnvName,
} from '../../env/naming';
import { ENV_NAME_LIKE, VARIABLE_COLUMN, variableNameRange } from '../../intdoc/credentials';
import { columnIndex, metadataValue } from '../../intdoc/query';
import { maskSecrets } from '../../secrets/mask';
import type { Range } from '../../types';
import type { Report, Rule } from '../rule';

// The directive (4.2) names credentials `{PROVIDER}_{TIPO}`. In an INT doc the
// provider is known (the `Proveedor` row), so every variable must start with
// its prefix. In .env files and source it is not, and many vars there are not
// integrations at all (PORT, http_proxy, npm_package_version): false positives
// make people switch a linter off, so those only get flagged when they are
// clearly wrong (camelCase, kebab-case) or clearly credentials.
// Renaming a var breaks every other place that declares or reads it, so the
// fix is always a suggestion.

const rule: Rule = {
  meta: {
    id: 'env/naming',
    description: 'Env var names follow {PROVIDER}_{TIPO}: upper snake case, at least two segments, the provider first.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    messages: {
      shape: 'Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "{0}". Rename it to "{1}".',
      shapeNoFix: 'Expected an env var name in upper snake case with at least two segments ({PROVIDER}_{TIPO}); found "{0}".',
      provider: 'Expected {PROVIDER}_{TIPO} starting with {0} (Proveedor: {1}); found "{2}". Rename it to "{3}".',
      providerNoFix: 'Expected {PROVIDER}_{TIPO} starting with {0} (Proveedor: {1}) and a type after it; found "{2}".',
      otherProvider: 'Expected {PROVIDER}_{TIPO} starting with {0} (Proveedor: {1}); found "{2}", which has the prefix of another provider ({3}).',
      providerFirst: 'Expected the provider {0} first ({PROVIDER}_{TIPO}); found "{1}". Rename it to "{2}".',
      rename: 'Rename to "{0}" (also where it is declared and read)',
    },
  },

  checkIntDoc({ doc, config, report }) {
    const proveedor = metadataValue(doc, 'Proveedor')?.text.trim() ?? '';
    // A Proveedor cell holding a secret names no provider: prefixes made from it would print the secret upper-cased.
    const named = proveedor && !/[{}]/.test(proveedor) && maskSecrets(proveedor) === proveedor;
    const prefixes = named ? envPrefixesFor(proveedor, config.providerAliases) : [];
    const nonIntegration = nonIntegrationVars(config);
    for (const section of doc.sections) {
      for (const table of section.tables) {
        const column = columnIndex(table.header, VARIABLE_COLUMN);
        if (column < 0) continue;
        for (const row of table.rows) {
          const cell = row[column];
          const name = cell?.text.trim() ?? '';
          // `{PROVIDER}_API_KEY` is a leftover placeholder: int-doc/placeholder reports it.
          if (!ENV_NAME_LIKE.test(name) || nonIntegration.has(name) || isProse(name)) continue;
          if (conformsToEnvNaming(name, prefixes)) continue;
          const range = variableNameRange(doc, cell, name);
          const wrongShape = prefixes.length === 0 || nameShape(name) !== 'upper-snake';
          // TWILIO_AUTH_TOKEN in a Stripe doc: wrong doc or wrong Proveedor, a rename would only hide it.
          const other = wrongShape ? undefined : locatePrefix(splitFrameworkPrefix(name.split('_')).rest, allKnownPrefixes(config));
          if (other?.index === 0 && !prefixes.includes(other.prefix)) {
            report({ messageId: 'otherProvider', args: [prefixes.join('/'), proveedor, name, other.prefix], range });
            continue;
          }
          const expected = suggestEnvName(name, prefixes);
          if (wrongShape) reportShape(report, name, range, expected);
          else if (expected) suggest(report, { messageId: 'provider', args: [prefixes.join('/'), proveedor, name, expected], range }, expected);
          else report({ messageId: 'providerNoFix', args: [prefixes.join('/'), proveedor, name], range });
        }
      }
    }
  },

  checkEnvFile({ env, config, report }) {
    for (const entry of env.entries) checkName(entry.key, entry.keyRange, config, report);
  },

  checkSource({ reads, config, report }) {
    for (const read of reads) checkName(read.name, read.range, config, report);
  },
};

/**
 * A name declared in a .env file or read in source, where the provider is not
 * known: flagged when its spelling is wrong (always for camelCase/kebab-case;
 * for one-word or lowercase names only when they look like credentials or name
 * a provider) or when a known provider comes after a credential-like start
 * (`API_KEY_STRIPE`). `MAX_S3_RETRIES` or `USE_STRIPE` are left alone.
 */
function checkName(name: string, range: Range, config: Config, report: Report): void {
  const nonIntegration = nonIntegrationVars(config);
  const segments = envSegments(name);
  if (nonIntegration.has(name) || nonIntegration.has(segments.join('_'))) return;
  const { rest } = splitFrameworkPrefix(segments);
  const known = allKnownPrefixes(config);
  const provider = locatePrefix(rest, known);
  const credential = looksLikeCredential(rest);
  const shape = nameShape(name);
  const oneWord = rest.length < 2;

  if (shape === 'upper-snake' && !oneWord) {
    if (!provider || provider.index === 0 || !credential) return;
    const expected = suggestEnvName(name, [provider.prefix])!;
    suggest(report, { messageId: 'providerFirst', args: [provider.prefix, name, expected], range }, expected);
    return;
  }
  if (shape !== 'mixed' && !credential && !provider) return;
  // STRIPEKEY: a known prefix glued to the rest is the best guess at the provider.
  const hint = provider ? [provider.prefix] : oneWord ? known.filter((p) => rest[0]?.startsWith(p.replace(/_/g, ''))) : [];
  reportShape(report, name, range, suggestEnvName(name, hint.length > 0 ? [hint[0]] : undefined));
}

/** "Ninguna", "none": one ordinary word in the column is an answer, not a variable (unless it reads like one: "apikey"). */
function isProse(name: string): boolean {
  return nameShape(name) !== 'upper-snake' && envSegments(name).length < 2 && !looksLikeCredential(envSegments(name));
}

function reportShape(report: Report, name: string, range: Range, expected: string | undefined): void {
  // A secret pasted where a name belongs: the message shows it masked, and no name is made from it.
  if (expected && maskSecrets(name) === name) suggest(report, { messageId: 'shape', args: [name, expected], range }, expected);
  else report({ messageId: 'shapeNoFix', args: [name], range });
}

function suggest(report: Report, spec: { messageId: string; args: string[]; range: Range }, expected: string): void {
  report({
    ...spec,
    fixes: [{ messageId: 'rename', args: [expected], edits: [{ range: spec.range, newText: expected }], safe: false }],
    data: { expected },
  });
}

const nonIntegrationSets = new WeakMap<readonly string[], Set<string>>();

function nonIntegrationVars(config: Config): Set<string> {
  let set = nonIntegrationSets.get(config.nonIntegrationVars);
  if (!set) {
    set = new Set(config.nonIntegrationVars);
    nonIntegrationSets.set(config.nonIntegrationVars, set);
  }
  return set;
}

export default rule;
