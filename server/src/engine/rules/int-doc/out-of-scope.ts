import { findProvider } from '../../catalog/providers';
import type { Config } from '../../config/config';
import { findUrls, isInternalHost, type UrlMatch } from '../../hosts';
import type { IntDoc, Table } from '../../intdoc/model';
import { metadataValue } from '../../intdoc/query';
import { sectionFor } from '../../intdoc/section-match';
import { fold } from '../../text';
import type { Range } from '../../types';
import type { Rule } from '../rule';

// Directive 2.2: the directive is for services outside the project's
// control. Microservices of the same project, own databases and caches, and
// APIs between the workspace's apps do not get an INT doc (nor an inventory
// entry, nor env vars under the integrations banner). A doc for one is
// either a misunderstanding or a service that is not internal after all, so
// this is a warning, and there is nothing to fix automatically.

const ENDPOINTS_SECTION = 'Endpoints/SDK Utilizados';
/** The column that holds the endpoint; the template calls it "Endpoint/Metodo". Other columns describe it. */
const ENDPOINT_COLUMN = /endpoint|url|metodo|method/;
/** How many internal hosts the message names before it stops. */
const MAX_HOSTS_SHOWN = 3;

const rule: Rule = {
  meta: {
    id: 'int-doc/out-of-scope',
    description: 'INT docs are for external integrations: not for a provider listed in internalProviders, nor for a service whose endpoints are all internal hosts (directive 2.2).',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      internalProvider: 'The directive does not apply to internal services (section 2.2): Proveedor "{0}" is listed in internalProviders. Expected an INT doc only for a service outside the project\'s control.',
      internalEndpoints: 'The directive does not apply to internal services (section 2.2): every endpoint of this doc is on an internal host ({0}). Expected an INT doc only for a service outside the project\'s control.',
    },
  },

  checkIntDoc({ doc, config, report }) {
    const proveedor = metadataValue(doc, 'Proveedor');
    const name = proveedor?.text.trim() ?? '';
    if (proveedor && name && internalProviders(config).has(nameKey(name))) {
      report({ messageId: 'internalProvider', args: [name], range: proveedor.range, data: { provider: name } });
      return;
    }
    // A provider the catalog knows is external, whatever a sandbox or mock URL in its table says.
    if (name && findProvider(name)) return;
    const urls = endpointUrls(doc);
    if (urls.length === 0 || !urls.every((url) => isInternalHost(url.match.host))) return;
    const hosts = [...new Set(urls.map((url) => url.match.host))];
    const shown = hosts.length > MAX_HOSTS_SHOWN ? [...hosts.slice(0, MAX_HOSTS_SHOWN), '…'] : hosts;
    report({ messageId: 'internalEndpoints', args: [shown.join(', ')], range: urls[0].range, data: { hosts: hosts.join(',') } });
  },
};

/** Names compare without case, accents or punctuation: "Users-Service" is "users service". */
function nameKey(name: string): string {
  return fold(name).split(/[^a-z0-9]+/).filter(Boolean).join(' ');
}

const internalSets = new WeakMap<readonly string[], Set<string>>();

function internalProviders(config: Config): Set<string> {
  let set = internalSets.get(config.internalProviders);
  if (!set) {
    set = new Set(config.internalProviders.map(nameKey).filter(Boolean));
    internalSets.set(config.internalProviders, set);
  }
  return set;
}

interface LocatedUrl {
  match: UrlMatch;
  range: Range;
}

/** The URLs in the endpoint column of the endpoints section's tables (every column when none is recognisable), read from the raw cell so link targets count. */
function endpointUrls(doc: IntDoc): LocatedUrl[] {
  const section = sectionFor(doc, ENDPOINTS_SECTION);
  if (!section) return [];
  const found: LocatedUrl[] = [];
  for (const table of section.tables) {
    const columns = endpointColumns(table);
    for (const row of table.rows) {
      for (const column of columns) {
        const cell = row[column];
        if (!cell) continue;
        const start = doc.lines.offsetAt(cell.range.start);
        const raw = doc.text.slice(start, doc.lines.offsetAt(cell.range.end));
        for (const match of findUrls(raw)) found.push({ match, range: doc.lines.rangeOf(start + match.start, start + match.end) });
      }
    }
  }
  return found;
}

function endpointColumns(table: Table): number[] {
  const columns = table.header.flatMap((cell, index) => (ENDPOINT_COLUMN.test(fold(cell.text)) ? [index] : []));
  return columns.length > 0 ? columns : table.header.map((_, index) => index);
}

export default rule;
