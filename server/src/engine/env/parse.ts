import { LineIndex } from '../text';
import type { Range } from '../types';

// CONTRACT (implementation pending): parses .env files with dotenv's semantics, keeping positions.

export interface EnvEntry {
  key: string;
  keyRange: Range;
  value: string;
  valueRange: Range;
}

export interface EnvFile {
  path: string;
  lines: LineIndex;
  entries: EnvEntry[];
}

export function parseEnvFile(path: string, text: string): EnvFile {
  return { path, lines: new LineIndex(text), entries: [] };
}
