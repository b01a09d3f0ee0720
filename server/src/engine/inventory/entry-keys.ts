import schema from '../../../../schemas/master-inventory.schema.json';
import { fold } from '../text';

// The keys of an inventory entry come from the schema, so the rules, the
// edit builder and Red Hat's YAML extension read one list.

/** An entry's keys in the directive's order (section 10.1). */
export const ENTRY_KEYS: readonly string[] = schema.definitions.integracion.required;

export interface NewEntry {
  nombre: string;
  proveedor: string;
  tipo: string;
  estado: string;
  multi_tenant: boolean;
  documentacion: string;
}

/** `Multi-Tenant`, `multitenant`, `documentación` -> the same form as the key they mean; singular and plural alike. */
function keyForm(key: string): string {
  return fold(key).replace(/[\s_-]+/g, '').replace(/(?:es|s)$/, '');
}

/**
 * The one candidate `key` is an obvious misspelling of: equal up to case,
 * accents, separators and a plural ending, or one typing slip away (a letter missing, extra,
 * wrong or two swapped). Undefined when none or several fit.
 */
export function misspeltKey(key: string, candidates: readonly string[]): string | undefined {
  const form = keyForm(key);
  if (form.length < 3) return undefined;
  const fits = candidates.filter((candidate) => {
    const candidateForm = keyForm(candidate);
    return candidateForm === form || withinOneSlip(form, candidateForm);
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** Whether one insertion, deletion, substitution or swap of neighbours turns `a` into `b`. Linear. */
function withinOneSlip(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  // Two swapped neighbours: "mutli" / "multi".
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}
