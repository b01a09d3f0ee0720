import { allKnownPrefixes, envPrefixesFor } from '../../catalog/providers';
import { envTemplates } from '../../env/templates';
import type { Rule } from '../rule';

// A credential nobody documented is an integration nobody can rotate,
// monitor or hand over. Variables in .env.example are all meant to be set,
// so each is either an integration's (documented by an INT doc) or on the
// configured list of the app's own (database, cache, runtime: directive 2.2).
// Source reads are many and mostly not integrations: only those with a
// provider's prefix are held to it.

const rule: Rule = {
  meta: {
    id: 'env/undocumented',
    description: 'Integration env vars declared in .env.example or read in source are documented by an INT doc.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      declared: 'Expected {0} in the Credenciales Requeridas of an INT doc; no doc documents it. If it is not a third-party credential, add it to nonIntegrationVars.',
      read: 'Expected {0} (a {1} variable) in the Credenciales Requeridas of an INT doc; no doc documents it.',
    },
  },
  checkWorkspace({ index, config, report }) {
    const documented = (name: string): boolean => index.isDocumented(name);
    const own = new Set(config.nonIntegrationVars);
    for (const [path, facts] of envTemplates(index)) {
      for (const key of facts.keys) {
        if (own.has(key.name) || documented(key.name)) continue;
        report(path, { messageId: 'declared', args: [key.name], range: key.range, data: { variable: key.name } });
      }
    }
    const prefixes = new Set(allKnownPrefixes(config));
    for (const doc of index.intDocs()) if (doc.proveedor) envPrefixesFor(doc.proveedor, config.providerAliases).forEach((p) => prefixes.add(p));
    const prefixOf = (name: string): string | undefined => [...prefixes].find((prefix) => name.startsWith(`${prefix}_`));
    for (const [path, facts] of index.ofKind('source')) {
      for (const read of facts.reads) {
        const prefix = prefixOf(read.name);
        if (!prefix || own.has(read.name) || documented(read.name)) continue;
        report(path, { messageId: 'read', args: [read.name, prefix], range: read.range, data: { variable: read.name } });
      }
    }
  },
};

export default rule;
