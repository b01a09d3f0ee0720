import type { LineIndex } from '../text';
import type { Range } from '../types';

// CONTRACT (implementation pending): env var reads in source code.

export interface EnvRead {
  name: string;
  /** The name itself, inside the quotes or after the dot. */
  range: Range;
}

export function findEnvReads(_path: string, _text: string, _lines: LineIndex): EnvRead[] {
  return [];
}
