import type { Config } from '../config/config';
import type { InventoryFacts } from '../workspace/facts';
import type { WorkspaceIndex } from '../workspace/index';
import { INVENTORY_FILE } from './parse';

// Which MASTER_INVENTORY.yml the workspace's docs are registered in, and how
// an entry's `documentacion` path names a file. A monorepo may hold several
// inventories; the cross-file rules compare the docs with one.

export interface ChosenInventory {
  path: string;
  facts: InventoryFacts;
}

/** The configured inventory, else the root's, else the first found (by path), outside ignored folders. */
export function chosenInventory(index: WorkspaceIndex, config: Config): ChosenInventory | undefined {
  const all = index.ofKind('inventory');
  const pick = (path: string): ChosenInventory | undefined => {
    const found = all.find(([candidate]) => candidate === path);
    return found && { path: found[0], facts: found[1] };
  };
  if (config.inventory) return pick(config.inventory);
  return pick(INVENTORY_FILE) ?? pick('MASTER_INVENTORY.yaml') ?? (all[0] && { path: all[0][0], facts: all[0][1] });
}

/** Where a new inventory goes: the configured path, else the workspace root. */
export function inventoryPath(config: Config): string {
  return config.inventory || INVENTORY_FILE;
}

/**
 * The workspace path a `documentacion` value means. The directive writes it
 * from the workspace root (`docs/02-integraciones/INT-001-stripe.md`); an
 * inventory in a subfolder may also write it relative to itself. The first
 * reading that names an indexed file wins.
 */
export function resolveDocumentacion(value: string, inventoryPath: string, isIndexed: (path: string) => boolean): string {
  const fromRoot = normalize(value);
  const folder = inventoryPath.includes('/') ? inventoryPath.slice(0, inventoryPath.lastIndexOf('/')) : '';
  if (!folder || isIndexed(fromRoot)) return fromRoot;
  const fromInventory = normalize(`${folder}/${value}`);
  return isIndexed(fromInventory) ? fromInventory : fromRoot;
}

/** `./docs//a/../b.md` -> `docs/b.md`; backslashes as slashes. */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.trim().replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
