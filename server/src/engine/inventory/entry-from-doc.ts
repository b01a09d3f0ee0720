import type { Config } from '../config/config';
import { holdsPlaceholder } from '../intdoc/metadata-fields';
import { fold } from '../text';
import type { IntDocFacts } from '../workspace/facts';
import type { NewEntry } from './entry-keys';

// How an INT doc's Metadata reads as an inventory entry (directive 10.1):
// the doc is the source of truth, the inventory mirrors it in its own
// vocabulary (lowercase tipo and estado, a boolean multi_tenant).

const SI_NO: Readonly<Record<string, boolean>> = { si: true, no: false };

/** The inventory estado a doc's Estado maps to, through the configured mapping. */
export function mappedEstado(docEstado: string, config: Config): string | undefined {
  const folded = fold(docEstado);
  return Object.entries(config.estadoMapping).find(([estado]) => fold(estado) === folded)?.[1];
}

/** `Si` -> true, `No` -> false, anything else undefined. */
export function multiTenantValue(docText: string): boolean | undefined {
  return SI_NO[fold(docText)];
}

/** The entry registering a doc; what its Metadata leaves empty or as a placeholder stays empty for the author to fill. */
export function entryFromDoc(path: string, doc: IntDocFacts, config: Config): NewEntry {
  const value = (field: keyof IntDocFacts['metadata']): string => {
    const text = doc.metadata[field]?.text ?? '';
    return holdsPlaceholder(text) ? '' : text;
  };
  const proveedor = value('Proveedor');
  // The title is `INT-001: Stripe Pagos`; the name is what follows the code.
  const titled = doc.title?.text.replace(/^\s*INT-[^:\s]*\s*:\s*/i, '').trim() ?? '';
  const estado = value('Estado');
  return {
    nombre: (titled && !holdsPlaceholder(titled) ? titled : '') || proveedor,
    proveedor,
    tipo: value('Tipo').toLowerCase(),
    estado: estado ? (mappedEstado(estado, config) ?? estado.toLowerCase()) : '',
    multi_tenant: multiTenantValue(value('Multi-tenant')) ?? false,
    documentacion: path,
  };
}
